package cognito

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
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
}

// New builds the real client from the standard credential chain.
func New(ctx context.Context, o Options) (API, error) {
	cfg, err := LoadConfig(ctx, o)
	if err != nil {
		return nil, err
	}
	return cip.NewFromConfig(cfg, func(co *cip.Options) {
		if o.EndpointURL != "" {
			co.BaseEndpoint = aws.String(o.EndpointURL)
		}
	}), nil
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
	opts = append(opts, awsconfig.WithRetryer(func() aws.Retryer { return newRetryer(o.RetryMaxBackoff) }))
	opts = append(opts, awsconfig.WithHTTPClient(awshttp.NewBuildableClient()))
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}
	if o.WrapTransport != nil {
		// The configuration may have changed the transport (AWS_CA_BUNDLE),
		// so the wrapper goes around the one it built.
		if bc, ok := cfg.HTTPClient.(*awshttp.BuildableClient); ok {
			cfg.HTTPClient = &http.Client{Transport: o.WrapTransport(bc.GetTransport()), Timeout: bc.GetTimeout()}
		}
	}
	if cfg.Region == "" {
		return aws.Config{}, fmt.Errorf("no AWS region: pass --region, or set AWS_REGION or a region in your AWS profile")
	}
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
	if errorCode(err) == "Unsupported" {
		return false
	}
	return r.RetryerV2.IsErrorRetryable(err)
}

func (r *retryer) RetryDelay(attempt int, err error) (time.Duration, error) {
	if errorCode(err) == "LimitExceededException" && attempt >= limitExceededAttempts {
		return 0, err
	}
	return r.RetryerV2.RetryDelay(attempt, err)
}

func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// IsUnsupported reports whether the endpoint does not implement the
// operation at all (cognito-local for domains, identity providers and
// resource servers). Readers treat it as "none of these exist".
func IsUnsupported(err error) bool { return errorCode(err) == "Unsupported" }

// sendOnce keeps the SDK from sending a create request again after the
// connection broke once the request was on its way: Cognito may have
// created the pool or client already, and the retry would make a second
// one (two pools with one resource-name tag, two clients with one name).
// A request that never left (a refused connection) and throttling are
// still retried. Running apply again finds what was created and goes on.
func sendOnce(o *cip.Options) {
	if r, ok := o.Retryer.(aws.RetryerV2); ok {
		o.Retryer = &sendOnceRetryer{RetryerV2: r}
	}
}

type sendOnceRetryer struct{ aws.RetryerV2 }

func (r *sendOnceRetryer) IsErrorRetryable(err error) bool {
	var rse *smithyhttp.RequestSendError
	if errors.As(err, &rse) {
		var ne *net.OpError
		return errors.As(err, &ne) && ne.Op == "dial"
	}
	return r.RetryerV2.IsErrorRetryable(err)
}
