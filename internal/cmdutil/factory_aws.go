package cmdutil

import (
	"context"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
)

// FunctionClients returns the Lambda and IAM clients the generated
// trigger functions need, or nils when they are not to be reached: with
// --endpoint-url, which points cogwiz at a Cognito emulator (cognito-local
// serves no Lambda), or in a test whose factory has none. Plan then says
// the functions were not compared, and apply leaves them alone.
func (f *Factory) FunctionClients(ctx context.Context) (lambda.API, iam.API, error) {
	if f.AWS.EndpointURL != "" || f.Lambda == nil || f.IAM == nil {
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
