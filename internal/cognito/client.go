package cognito

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/logging"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
)

// Options are the common AWS flags. Empty fields fall back to the SDK's
// standard chain: AWS_PROFILE, AWS_REGION, shared config, SSO, IMDS, and
// AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL.
type Options struct {
	Profile     string
	Region      string
	EndpointURL string
	// Credentials replaces the credential chain (tests against cognito-local).
	Credentials aws.CredentialsProvider
	// WrapTransport, when set, wraps the HTTP transport: tests record the
	// requests and inject faults there.
	WrapTransport func(http.RoundTripper) http.RoundTripper
	// RetryMaxBackoff caps the wait between two attempts; zero is the
	// SDK's 20 seconds. Tests shorten it.
	RetryMaxBackoff time.Duration
	// Timeouts; zero means the defaults below.
	Timeouts Timeouts
}

// Timeouts bound how long a request may wait, so that a server that stops
// answering ends the command with a message instead of a hang.
type Timeouts struct {
	// Connect bounds opening a connection.
	Connect time.Duration
	// Attempt bounds one HTTP exchange: sending, waiting for the answer and
	// reading it.
	Attempt time.Duration
	// Call bounds one operation with all its retries and back-off waits.
	Call time.Duration
}

// DefaultTimeouts leave room for Cognito's slowest calls (creating a pool
// or a domain takes seconds) and for back-off after throttling.
var DefaultTimeouts = Timeouts{Connect: 10 * time.Second, Attempt: 30 * time.Second, Call: 90 * time.Second}

func (t Timeouts) orDefaults() Timeouts {
	if t.Connect <= 0 {
		t.Connect = DefaultTimeouts.Connect
	}
	if t.Attempt <= 0 {
		t.Attempt = DefaultTimeouts.Attempt
	}
	if t.Call <= 0 {
		t.Call = DefaultTimeouts.Call
	}
	return t
}

// New builds the real client from the standard credential chain.
func New(ctx context.Context, o Options) (API, error) {
	cfg, err := LoadConfig(ctx, o)
	if err != nil {
		return nil, err
	}
	return NewFromConfig(cfg, o.EndpointURL), nil
}

// NewFromConfig returns a client on a configuration LoadConfig loaded (the
// one the other services' clients share), at endpointURL when it is set.
func NewFromConfig(cfg aws.Config, endpointURL string) API {
	return cip.NewFromConfig(cfg, func(co *cip.Options) { co.BaseEndpoint = awsclient.Endpoint(endpointURL) })
}

// LoadConfig loads the AWS configuration every cogwiz client shares (the
// identity pool and IAM clients too): credentials, region, retries and
// the HTTP transport.
func LoadConfig(ctx context.Context, o Options) (aws.Config, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if o.Profile != "" {
		opts = append(opts, awsconfig.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		opts = append(opts, awsconfig.WithRegion(o.Region))
	}
	if o.Credentials != nil {
		opts = append(opts, awsconfig.WithCredentialsProvider(o.Credentials))
	}
	to := o.Timeouts.orDefaults()
	opts = append(opts, awsconfig.WithHTTPClient(awshttp.NewBuildableClient().
		WithTimeout(to.Attempt).
		WithDialerOptions(func(d *net.Dialer) { d.Timeout = to.Connect })))
	// The SDK logs to stderr by itself ("WARN falling back to IMDSv1");
	// what went wrong reaches the user as the error instead.
	opts = append(opts, awsconfig.WithLogger(logging.Nop{}), awsconfig.WithClientLogMode(0))
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, Friendly(fmt.Errorf("loading AWS configuration: %w", err))
	}
	if o.WrapTransport != nil {
		// The configuration may have changed the transport (AWS_CA_BUNDLE),
		// so the wrapper goes around the one it built.
		if bc, ok := cfg.HTTPClient.(*awshttp.BuildableClient); ok {
			cfg.HTTPClient = &http.Client{Transport: o.WrapTransport(bc.GetTransport()), Timeout: bc.GetTimeout()}
		}
	}
	// Set after loading, so that AWS_MAX_ATTEMPTS (or a profile's
	// max_attempts) still caps the attempts, as in every AWS tool.
	cfg.Retryer = func() aws.Retryer { return newRetryer(o.RetryMaxBackoff) }
	if cfg.Region == "" {
		return aws.Config{}, &Error{msg: "no AWS region", hint: "pass --region, or set AWS_REGION or a region in your AWS profile"}
	}
	if o.EndpointURL == "" {
		if err := CheckRegion(cfg.Region); err != nil {
			return aws.Config{}, err
		}
	}
	// Every client built from this configuration (Cognito, identity pools,
	// IAM, Lambda) gives up on a call that takes too long.
	cfg.APIOptions = append(cfg.APIOptions, deadline(to))
	return cfg, nil
}

// newRetryer retries throttling with back-off, more patiently than the
// SDK's default of 3 attempts, because apply may run dozens of calls
// against per-category rate limits.
// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
func newRetryer(maxBackoff time.Duration) aws.Retryer {
	return &retryer{RetryerV2: retry.NewStandard(func(so *retry.StandardOptions) {
		so.MaxAttempts = 8
		if maxBackoff > 0 {
			so.MaxBackoff = maxBackoff
			so.Backoff = retry.NewExponentialJitterBackoff(maxBackoff)
		}
	})}
}

// retryer narrows the standard retryer for Cognito's error codes.
type retryer struct{ aws.RetryerV2 }

// limitExceededAttempts caps retries of LimitExceededException. The SDK
// counts it as throttling, but Cognito also uses it for limits that do not
// pass with time (the daily email quota, resource counts), so retrying it
// eight times only delays the real message.
// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
const limitExceededAttempts = 2

func (r *retryer) IsErrorRetryable(err error) bool {
	// An endpoint without the operation (cognito-local answers
	// "Unsupported" with a 5xx) will not grow it on a retry.
	if awsclient.ErrorCode(err) == "Unsupported" {
		return false
	}
	return r.RetryerV2.IsErrorRetryable(err)
}

func (r *retryer) RetryDelay(attempt int, err error) (time.Duration, error) {
	if awsclient.ErrorCode(err) == "LimitExceededException" && attempt >= limitExceededAttempts {
		return 0, err
	}
	return r.RetryerV2.RetryDelay(attempt, err)
}

// IsUnsupported reports whether the endpoint does not implement the
// operation at all (cognito-local for domains, identity providers and
// resource servers). Readers treat it as "none of these exist".
func IsUnsupported(err error) bool { return awsclient.ErrorCode(err) == "Unsupported" }
