package cognito

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func opErr(op string, err error) error {
	return &smithy.OperationError{ServiceID: "Cognito Identity Provider", OperationName: op, Err: err}
}

func TestFriendlyRewordsSDKErrors(t *testing.T) {
	t.Parallel()
	api := func(code, msg string) error { return &smithy.GenericAPIError{Code: code, Message: msg} }
	send := func(err error) error { return &smithyhttp.RequestSendError{Err: err} }
	for _, tc := range []struct {
		name, want, hint string
		err              error
	}{
		{"not found", "reading user pool x: not found: User pool x does not exist", "--region", fmt.Errorf("reading user pool x: %w", opErr("DescribeUserPool", api("ResourceNotFoundException", "User pool x does not exist.")))},
		{"expired", "listing user pools: AWS did not accept the credentials (ExpiredTokenException): The security token included in the request is expired", "aws sso login", fmt.Errorf("listing user pools: %w", opErr("ListUserPools", api("ExpiredTokenException", "The security token included in the request is expired")))},
		{"access denied", "listing user pools: access denied: not allowed", "cognito-idp:ListUserPools", fmt.Errorf("listing user pools: %w", opErr("ListUserPools", api("AccessDeniedException", "not allowed")))},
		{"invalid parameter", "updating user pool x: Cognito rejected a setting: bad value", "cogwiz explain", fmt.Errorf("updating user pool x: %w", opErr("UpdateUserPool", api("InvalidParameterException", "bad value")))},
		{"limit", "creating group a: a Cognito quota was reached: too many groups", "quotas", fmt.Errorf("creating group a: %w", opErr("CreateGroup", api("LimitExceededException", "too many groups")))},
		{"throttled", "creating group a: Cognito is throttling requests: Rate exceeded", "run the command again", fmt.Errorf("creating group a: %w", opErr("CreateGroup", api("TooManyRequestsException", "Rate exceeded")))},
		{"no credentials", "listing user pools: no AWS credentials found", "AWS_PROFILE", fmt.Errorf("listing user pools: %w", opErr("ListUserPools", errors.New("get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found")))},
		{"refused", "listing user pools: cannot reach Cognito: cannot connect to 127.0.0.1:9: connection refused", "--endpoint-url", fmt.Errorf("listing user pools: %w", opErr("ListUserPools", send(&url.Error{Op: "Post", URL: "http://127.0.0.1:9/", Err: &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}, Err: errors.New("connection refused")}})))},
		{"dropped", "creating app client web: cannot reach Cognito: the connection to http://h/ was closed before an answer came", "network", fmt.Errorf("creating app client web: %w", opErr("CreateUserPoolClient", send(&url.Error{Op: "Post", URL: "http://h/", Err: io.EOF})))},
		{"parallel steps", "creating group a: Cognito is throttling requests: slow down; creating group b: access denied: no", "run the command again", errors.Join(
			fmt.Errorf("creating group a: %w", opErr("CreateGroup", api("TooManyRequestsException", "slow down"))),
			fmt.Errorf("creating group b: %w", opErr("CreateGroup", api("AccessDeniedException", "no"))))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := Friendly(tc.err)
			if got.Error() != tc.want {
				t.Errorf("message\n got %q\nwant %q", got.Error(), tc.want)
			}
			var h interface{ Hint() string }
			if !errors.As(got, &h) || !strings.Contains(h.Hint(), tc.hint) {
				t.Errorf("hint of %q does not mention %q", got, tc.hint)
			}
			if !errors.Is(got, tc.err) {
				t.Error("the original error left the chain")
			}
		})
	}
}

func TestFriendlyLeavesOtherErrorsAlone(t *testing.T) {
	t.Parallel()
	plain := errors.New("cognito.yaml:3:1: bad")
	if Friendly(plain) != plain || Friendly(nil) != nil {
		t.Error("an error without an SDK error in it was changed")
	}
}

// Through the real SDK client: no SDK wording reaches the user.
func TestFriendlyOverTheRealClient(t *testing.T) {
	t.Parallel()
	s, _ := server(t, 400, "AccessDeniedException", "User: arn:aws:iam::1:user/dev is not authorized to perform: cognito-idp:ListUserPools")
	api, err := New(context.Background(), Options{Region: "us-east-1", EndpointURL: s.URL, Credentials: credentials.NewStaticCredentialsProvider("a", "b", "")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = api.ListUserPools(context.Background(), &cip.ListUserPoolsInput{MaxResults: aws.Int32(1)})
	got := Friendly(fmt.Errorf("listing user pools: %w", err)).Error()
	for _, noise := range []string{"operation error", "StatusCode", "RequestID", "https response error"} {
		if strings.Contains(got, noise) {
			t.Errorf("%q still says %q", got, noise)
		}
	}
	if !strings.HasPrefix(got, "listing user pools: access denied: User: arn:aws:iam::1:user/dev is not authorized") {
		t.Errorf("got %q", got)
	}
}
