package cmdutil

import (
	"context"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
)

// FunctionClients returns the Lambda and IAM clients the generated
// trigger functions need, or nils when they are not to be reached: when
// Cognito is an emulator (--endpoint-url, or its endpoint variable) and
// Lambda has no endpoint of its own (AWS_ENDPOINT_URL_LAMBDA or
// AWS_ENDPOINT_URL) — cognito-local serves no Lambda, and a local pool's
// functions never go to AWS — or in a test whose factory has none. Plan
// then says the functions were not compared, and apply leaves them alone.
func (f *Factory) FunctionClients(ctx context.Context) (lambda.API, iam.API, error) {
	if f.Lambda == nil || f.IAM == nil || !f.lambdaReachable() {
		return nil, nil, nil
	}
	l, err := f.Lambda(ctx)
	if err != nil {
		return nil, nil, err
	}
	i, err := f.IAM(ctx)
	if err != nil {
		return nil, nil, err
	}
	return l, i, nil
}

// lambdaReachable: Lambda goes where the factory sends its client, and
// nowhere when that is Cognito's emulator (see endpointLike).
func (f *Factory) lambdaReachable() bool { return f.endpointLike("AWS_ENDPOINT_URL_LAMBDA") == "" }
