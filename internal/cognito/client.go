package cognito

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
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
}

// New builds the real client from the standard credential chain.
func New(ctx context.Context, o Options) (API, error) {
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
	opts = append(opts, awsconfig.WithRetryer(newRetryer))
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("loading AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return nil, fmt.Errorf("no AWS region: pass --region, or set AWS_REGION or a region in your AWS profile")
	}
	return cip.NewFromConfig(cfg, func(co *cip.Options) {
		if o.EndpointURL != "" {
			co.BaseEndpoint = aws.String(o.EndpointURL)
		}
	}), nil
}

// newRetryer retries throttling with back-off, more patiently than the
// SDK's default of 3 attempts, because apply may run dozens of calls
// against per-category rate limits.
// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
func newRetryer() aws.Retryer {
	return retry.NewStandard(func(so *retry.StandardOptions) {
		so.MaxAttempts = 8
	})
}
