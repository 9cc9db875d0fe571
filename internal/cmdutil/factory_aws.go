package cmdutil

import (
	"context"
	"os"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cognito"
)

// The Lambda and IAM clients share the Cognito client's profile and
// region. --endpoint-url is Cognito's alone (cognito-local serves nothing
// else): with it, Lambda and IAM are reached only through their own
// endpoint settings (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_IAM or
// AWS_ENDPOINT_URL), never by falling back to AWS itself. Building a
// client makes no call.

// localOnly reports whether Cognito is local and the service has no
// endpoint of its own.
func (f *Factory) localOnly(envVar string) bool {
	return f.AWS.EndpointURL != "" && os.Getenv(envVar) == "" && os.Getenv("AWS_ENDPOINT_URL") == ""
}

func (f *Factory) defaultLambda(ctx context.Context) (lambda.API, error) {
	if f.localOnly("AWS_ENDPOINT_URL_LAMBDA") {
		return nil, nil
	}
	cfg, err := cognito.LoadConfig(ctx, f.AWS)
	if err != nil {
		return nil, err
	}
	return lambda.New(cfg, ""), nil
}

func (f *Factory) defaultIAM(ctx context.Context) (iam.API, error) {
	if f.localOnly("AWS_ENDPOINT_URL_IAM") {
		return nil, nil
	}
	cfg, err := cognito.LoadConfig(ctx, f.AWS)
	if err != nil {
		return nil, err
	}
	return iam.New(cfg, ""), nil
}

// FunctionClients returns the clients the generated trigger functions
// need, or nils when they cannot be reached (see above) or the factory
// has none (a test): plan then says the functions were not compared.
func (f *Factory) FunctionClients(ctx context.Context) (lambda.API, iam.API, error) {
	if f.Lambda == nil || f.IAM == nil {
		return nil, nil, nil
	}
	l, err := f.Lambda(ctx)
	if err != nil || l == nil {
		return nil, nil, err
	}
	i, err := f.IAM(ctx)
	if err != nil || i == nil {
		return nil, nil, err
	}
	return l, i, nil
}
