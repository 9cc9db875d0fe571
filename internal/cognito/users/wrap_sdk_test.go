package users

import (
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The SDK's error text ("operation error Cognito Identity Provider:
// ListUsers, https response error StatusCode: 400, RequestID: , ...") never
// reaches the user: each error says what failed and how to fix it.
func TestWrapRewordsSDKErrors(t *testing.T) {
	s := &Service{PoolID: "us-east-1_Nope"}
	sdk := func(err error) error {
		return &smithy.OperationError{ServiceID: "Cognito Identity Provider", OperationName: "ListUsers", Err: err}
	}
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9229}, Err: errors.New("connect: connection refused")}
	for _, tc := range []struct {
		err      error
		msg      string
		hint     string
		keepsErr any
	}{
		{sdk(&smithyhttp.ResponseError{Err: &types.ResourceNotFoundException{Message: aws.String("User Pool us-east-1_Nope not found")}}),
			"listing users: User Pool us-east-1_Nope not found", "check --pool-id and --region", new(*types.ResourceNotFoundException)},
		{sdk(&smithyhttp.RequestSendError{Err: refused}),
			"listing users: cannot reach Cognito: cannot connect to 127.0.0.1:9229: connect: connection refused", "start cognito-local there", new(*net.OpError)},
		{sdk(&smithy.GenericAPIError{Code: "TooManyRequestsException", Message: "Rate exceeded"}),
			"listing users: Cognito is throttling requests: Rate exceeded", "run the command again", new(smithy.APIError)},
	} {
		err := s.wrap("listing users", "", tc.err)
		if err.Error() != tc.msg {
			t.Errorf("message = %q, want %q", err.Error(), tc.msg)
		}
		if strings.Contains(err.Error(), "operation error") || strings.Contains(err.Error(), "StatusCode") {
			t.Errorf("SDK wording leaked: %q", err.Error())
		}
		var ue *Error
		if tc.hint != "" && (!errors.As(err, &ue) || !strings.Contains(ue.Hint, tc.hint)) {
			t.Errorf("%q: hint lacks %q", err.Error(), tc.hint)
		}
		if !errors.As(err, tc.keepsErr) {
			t.Errorf("%q: the cause is no longer in the chain", err.Error())
		}
	}
}
