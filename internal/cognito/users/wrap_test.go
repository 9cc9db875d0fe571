package users

import (
	"strings"
	"testing"

	"github.com/aws/smithy-go"
)

func TestWrapExplainsUnsupportedOperations(t *testing.T) {
	s := &Service{PoolID: "local_x"}
	unsupported := &smithy.GenericAPIError{Code: "Unsupported", Message: "Cognito Local unsupported feature"}
	err := s.wrap("USER_SRP_AUTH", "bob", unsupported)
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("wrap = %T %v, want *Error", err, err)
	}
	if !strings.Contains(e.Msg, "does not support") || !strings.Contains(e.Hint, "ALLOW_USER_PASSWORD_AUTH") {
		t.Errorf("SRP on an endpoint without it: msg %q hint %q", e.Msg, e.Hint)
	}
	e = s.wrap("global sign-out", "bob", unsupported).(*Error)
	if strings.Contains(e.Hint, "ALLOW_USER_PASSWORD_AUTH") || !strings.Contains(e.Hint, "AWS") {
		t.Errorf("other operation: hint %q", e.Hint)
	}
}
