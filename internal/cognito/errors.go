package cognito

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Error is an AWS SDK error reworded as "what: why", with the fix as a
// hint. The SDK's own text ("operation error Cognito Identity Provider:
// ..., https response error StatusCode: 400, RequestID: ...") repeats the
// operation and adds nothing a user can act on. The original error stays
// in the chain for errors.Is and errors.As. Every command prints AWS
// errors through Friendly, so they all read the same.
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
// without an SDK error in them, and errors whose text cogwiz already wrote
// itself (it does not quote the SDK's), come back unchanged.
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
		return configError(err)
	}
	why, hint := explain(oe)
	msg = err.Error()
	i := strings.Index(msg, oe.Error())
	if i < 0 {
		return "", "", false
	}
	return msg[:i] + why, hint, true
}

// configError rewords the SDK's failures to load the AWS configuration,
// which come before any request.
func configError(err error) (msg, hint string, ok bool) {
	var pe awsconfig.SharedConfigProfileNotExistError
	if !errors.As(err, &pe) {
		return "", "", false
	}
	msg = fmt.Sprintf("AWS profile %q not found", pe.Profile)
	if len(pe.Filename) > 0 {
		msg += " in " + strings.Join(pe.Filename, " or ")
	}
	return msg, hintProfile, true
}

const (
	hintCredentials   = "sign in again (`aws sso login` for an SSO profile), or check --profile, AWS_PROFILE and AWS_ACCESS_KEY_ID; `aws sts get-caller-identity` shows who you are"
	hintNoCredentials = "pass --profile NAME or set AWS_PROFILE (`aws configure list-profiles` lists them), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
	hintSSO           = "sign in again with `aws sso login --profile NAME` (the profile you use), then run the command again"
	hintProfile       = "pass the name of a profile you have (`aws configure list-profiles` lists them), or create it with `aws configure --profile NAME` or `aws configure sso`"
	hintNetwork       = "check your network connection, --region and --endpoint-url (or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)"
	hintThrottled     = "wait a minute and run the command again (apply picks up where it stopped)"
)

// explain says why one SDK call failed, and how to fix it.
func explain(oe *smithy.OperationError) (why, hint string) {
	op := oe.Operation()
	var (
		rse *smithyhttp.RequestSendError
		ae  smithy.APIError
	)
	switch {
	case isSSOExpired(oe):
		return "the AWS SSO session has expired", hintSSO
	case isCredentialsError(oe):
		if isNoCredentials(oe) {
			return "no AWS credentials found", hintNoCredentials
		}
		return "no usable AWS credentials", hintCredentials
	case errors.As(oe, &rse):
		var de *net.DNSError
		if errors.As(rse, &de) {
			if region := regionOfHost(de.Name); region != "" {
				return "cannot reach Cognito: " + sendCause(rse),
					fmt.Sprintf("check the region: Cognito has no endpoint in %q, or your network has no DNS (--region, AWS_REGION or the profile's region)", region)
			}
		}
		var ne *net.OpError
		if errors.As(rse, &ne) && ne.Op == "dial" && isLoopback(ne.Addr) {
			return "cannot reach Cognito: " + sendCause(rse),
				fmt.Sprintf("nothing answers at %s: start cognito-local there, or fix --endpoint-url (or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)", ne.Addr)
		}
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
			return "Cognito is throttling requests: " + m, hintThrottled
		case "Unsupported":
			return op + " is not supported by this endpoint", "cognito-local has no domains, identity providers or resource servers: leave them out of the file there, or run against AWS"
		}
		var re *smithyhttp.ResponseError
		if errors.As(oe, &re) && (ae.ErrorCode() == "UnknownError" || m == "") {
			// An answer that is not Cognito's (a proxy, a firewall, a
			// wrong endpoint) has no error code to go by.
			code := re.HTTPStatusCode()
			return fmt.Sprintf("the endpoint answered %d %s without saying why", code, http.StatusText(code)),
				"check --endpoint-url (or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) and any proxy between you and AWS"
		}
		if m == "" {
			return ae.ErrorCode(), ""
		}
		return ae.ErrorCode() + ": " + m, ""
	}
	return oe.Err.Error(), ""
}

// isLoopback reports whether addr is on this machine (an emulator's port).
func isLoopback(addr net.Addr) bool {
	if addr == nil {
		return false
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// awsHost is Cognito's endpoint name in a region.
var awsHost = lazyRegexp(`^cognito-idp(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$`)

// regionOfHost is the region in a Cognito endpoint's host name, or "".
func regionOfHost(host string) string {
	if m := awsHost().FindStringSubmatch(host); m != nil {
		return m[1]
	}
	return ""
}

// regionName is the shape of every AWS region's name: us-east-1,
// ap-southeast-2, us-gov-west-1, eu-isoe-west-1.
// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
var regionName = lazyRegexp(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)

// CheckRegion says whether region is shaped like an AWS region, so that a
// typo (eu-west, us-east-1a) is caught before any request is sent to a
// host that does not exist.
func CheckRegion(region string) error {
	if regionName().MatchString(region) {
		return nil
	}
	hint := "region names look like us-east-1 or eu-west-1; pass --region, or fix AWS_REGION or the profile's region"
	if m := regexp.MustCompile(`^([a-z]{2}(-[a-z]+)+-[0-9]{1,2})[a-z]$`).FindStringSubmatch(region); m != nil {
		hint = fmt.Sprintf("%q is an availability zone; its region is %s", region, m[1])
	}
	return &Error{msg: fmt.Sprintf("%q is not an AWS region", region), hint: hint}
}

// isSSOExpired recognises an IAM Identity Center (SSO) sign-in that ran
// out: the cached token is missing, expired or cannot be refreshed.
func isSSOExpired(oe *smithy.OperationError) bool {
	var ite *ssocreds.InvalidTokenError
	if errors.As(oe, &ite) {
		return true
	}
	s := oe.Err.Error()
	return strings.Contains(s, "cached SSO token is expired") || strings.Contains(s, "refresh cached SSO token failed")
}

// isNoCredentials recognises the end of the credential chain: nothing in
// the environment, the profile or the instance metadata.
func isNoCredentials(oe *smithy.OperationError) bool {
	s := oe.Err.Error()
	return strings.Contains(s, "no EC2 IMDS role found") || strings.Contains(s, "access disabled to EC2 IMDS")
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
	case errors.As(rse, &ne) && ne.Op == "dial" && ne.Addr != nil:
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

// lazyRegexp compiles expr the first time it is needed, not at start-up:
// every command pays for what package init does.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
