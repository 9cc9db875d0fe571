package cognito

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Error is an AWS SDK error reworded as "what: why", with the fix as a
// hint. The SDK's own text ("operation error Cognito Identity Provider:
// ..., https response error StatusCode: 400, RequestID: ...") repeats the
// operation and adds nothing a user can act on. The original error stays
// in the chain for errors.Is and errors.As.
type Error struct {
	msg, hint string
	err       error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

// Hint is the fix, printed on its own line.
func (e *Error) Hint() string { return e.hint }

// Friendly rewords the AWS SDK errors inside err, keeping the context
// cogwiz wrapped around them ("creating app client web: ..."). Errors
// without an SDK error in them come back unchanged.
func Friendly(err error) error {
	if err == nil {
		return nil
	}
	var done *Error
	if errors.As(err, &done) {
		return err
	}
	msg, hint, ok := friendly(err)
	if !ok {
		return err
	}
	return &Error{msg: msg, hint: hint, err: err}
}

func friendly(err error) (msg, hint string, ok bool) {
	// Steps that ran in parallel fail together (errors.Join): one line,
	// each step's reason once.
	if j, isJoin := err.(interface{ Unwrap() []error }); isJoin {
		var msgs []string
		seen := map[string]bool{}
		for _, e := range j.Unwrap() {
			m, h, ok2 := friendly(e)
			if !ok2 {
				m = e.Error()
			}
			ok = ok || ok2
			if hint == "" {
				hint = h
			}
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, m)
			}
		}
		return strings.Join(msgs, "; "), hint, ok
	}
	var oe *smithy.OperationError
	if !errors.As(err, &oe) {
		return "", "", false
	}
	why, hint := explain(oe)
	msg = err.Error()
	if i := strings.Index(msg, oe.Error()); i >= 0 {
		msg = msg[:i] + why
	} else {
		msg = why
	}
	return msg, hint, true
}

const (
	hintCredentials = "sign in again (`aws sso login` for an SSO profile), or check --profile, AWS_PROFILE and AWS_ACCESS_KEY_ID; `aws sts get-caller-identity` shows who you are"
	hintNetwork     = "check your network connection, --region and --endpoint-url (or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)"
)

// explain says why one SDK call failed, and how to fix it.
func explain(oe *smithy.OperationError) (why, hint string) {
	op := oe.Operation()
	var (
		rse *smithyhttp.RequestSendError
		ae  smithy.APIError
	)
	switch {
	case isCredentialsError(oe):
		return "no usable AWS credentials", hintCredentials
	case errors.As(oe, &rse):
		return "cannot reach Cognito: " + sendCause(rse), hintNetwork
	case errors.As(oe, &ae):
		m := strings.TrimSuffix(ae.ErrorMessage(), ".")
		switch ae.ErrorCode() {
		case "ResourceNotFoundException":
			return "not found: " + m, "check --region and --profile: a user pool lives in one region of one account"
		case "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidClientTokenId",
			"InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken", "SignatureDoesNotMatch":
			return fmt.Sprintf("AWS did not accept the credentials (%s): %s", ae.ErrorCode(), m), hintCredentials
		case "AccessDeniedException", "AccessDenied":
			return "access denied: " + m, fmt.Sprintf("the AWS identity in use needs permission for cognito-idp:%s; ask an administrator, or pass another --profile", op)
		case "NotAuthorizedException":
			return "not authorized: " + m, fmt.Sprintf("the AWS identity in use needs permission for cognito-idp:%s, or the pool does not allow it", op)
		case "InvalidParameterException":
			return "Cognito rejected a setting: " + m, "fix the setting the message names in cognito.yaml (`cogwiz explain KEY` describes each one); `cogwiz validate` checks most of them offline"
		case "LimitExceededException":
			return "a Cognito quota was reached: " + m, "see https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html — adjustable quotas are raised in the Service Quotas console"
		case "TooManyRequestsException", "ThrottlingException", "Throttling":
			return "Cognito is throttling requests: " + m, "wait a minute and run the command again; apply finishes what is left"
		case "Unsupported":
			return op + " is not supported by this endpoint", "cognito-local has no domains, identity providers or resource servers: leave them out of the file there, or run against AWS"
		}
		if m == "" {
			return ae.ErrorCode(), ""
		}
		return ae.ErrorCode() + ": " + m, ""
	}
	return oe.Err.Error(), ""
}

// sendCause is the network reason a request never got an answer.
func sendCause(rse *smithyhttp.RequestSendError) string {
	var (
		ue *url.Error
		ne *net.OpError
		de *net.DNSError
	)
	switch {
	case errors.As(rse, &de):
		return fmt.Sprintf("cannot resolve %s", de.Name)
	case errors.As(rse, &ne) && ne.Op == "dial":
		return fmt.Sprintf("cannot connect to %s: %v", ne.Addr, ne.Err)
	case errors.Is(rse, io.EOF) || errors.Is(rse, io.ErrUnexpectedEOF):
		if errors.As(rse, &ue) {
			return fmt.Sprintf("the connection to %s was closed before an answer came", ue.URL)
		}
		return "the connection was closed before an answer came"
	case errors.As(rse, &ne):
		return ne.Err.Error()
	case errors.As(rse, &ue):
		return ue.Err.Error()
	}
	return rse.Err.Error()
}

// isCredentialsError recognises the SDK's failure to find or refresh
// credentials, which happens before any request is sent and has no type
// of its own.
func isCredentialsError(oe *smithy.OperationError) bool {
	s := oe.Err.Error()
	return strings.Contains(s, "get identity") || strings.Contains(s, "failed to retrieve credentials") ||
		strings.Contains(s, "failed to refresh cached credentials")
}
