package users

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

func testPool() *types.UserPoolType {
	return &types.UserPoolType{
		Policies: &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{
			MinimumLength: aws.Int32(10), RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true,
		}},
		SchemaAttributes: []types.SchemaAttributeType{
			{Name: aws.String("sub")}, {Name: aws.String("email"), Required: aws.Bool(true)},
			{Name: aws.String("name")}, {Name: aws.String("custom:tier")},
		},
	}
}

func TestCheckPassword(t *testing.T) {
	p := testPool()
	for _, tc := range []struct {
		pw, want string
	}{
		{"Abcdefgh1!", ""},
		{"Abcdef 1gh", ""}, // an inner space counts as a symbol
		{"Abc1!", "at least 10 characters"},
		{"abcdefgh1!", "an uppercase letter"},
		{"ABCDEFGH1!", "a lowercase letter"},
		{"Abcdefghi!", "a number"},
		{"Abcdefghi1", "a symbol"},
		{" Abcdefgh1!", "starts or ends with a space"},
		{"short", "at least 10 characters, an uppercase letter, a number, a symbol"},
	} {
		err := CheckPassword(p, tc.pw)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckPassword(%q) = %v, want ok", tc.pw, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("CheckPassword(%q) = %v, want %q", tc.pw, err, tc.want)
		case err != nil && strings.Contains(err.Error(), tc.pw):
			t.Errorf("CheckPassword(%q) printed the password: %v", tc.pw, err)
		}
	}
}

func TestCheckAttributes(t *testing.T) {
	p := testPool()
	if err := CheckAttributes(p, map[string]string{"email": "a@b.c", "custom:tier": "gold"}); err != nil {
		t.Fatalf("declared attributes rejected: %v", err)
	}
	err := CheckAttributes(p, map[string]string{"tier": "gold"})
	if e, ok := err.(*Error); !ok || !strings.Contains(e.Hint, "custom:tier") {
		t.Errorf("tier without prefix: %v", err)
	}
	err = CheckAttributes(p, map[string]string{"emial": "x"})
	if e, ok := err.(*Error); !ok || !strings.HasPrefix(e.Hint, "did you mean email?") {
		t.Errorf("typo: %v", err)
	}
	err = CheckAttributes(p, map[string]string{"nickname": "x"})
	if e, ok := err.(*Error); !ok || !strings.Contains(e.Msg, `"nickname" is not in the pool's schema`) || !strings.Contains(e.Hint, "custom:tier, email, name") {
		t.Errorf("unknown attribute: %v", err)
	}
	if err := CheckRequired(p, map[string]string{"name": "x"}); err == nil || !strings.Contains(err.Error(), "email is required") {
		t.Errorf("missing required: %v", err)
	}
	p.UsernameAttributes = []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}
	if err := CheckRequired(p, nil); err != nil {
		t.Errorf("email comes from the username in an email-username pool: %v", err)
	}
}
