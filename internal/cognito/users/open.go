package users

import (
	"context"
	"fmt"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

// Open returns a Service for poolID when it is given, or else for the pool
// that the config file describes (its user_pool.id, or the pool tagged
// with its resource_name).
func Open(ctx context.Context, api cognito.API, poolID, configFile string) (*Service, error) {
	if poolID != "" {
		return New(api, poolID), nil
	}
	doc, err := config.LoadContext(ctx, configFile)
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("finding the user pool: %v", err), Hint: "pass --pool-id, or point -f at your cognito.yaml", Err: err}
	}
	id, err := cognito.FindPoolID(ctx, api, doc.Config)
	if err != nil {
		if cognito.IsNotFound(err) {
			return nil, &Error{Msg: fmt.Sprintf("finding the user pool: %v", err), Hint: "run `cogwiz apply` to create it, or pass --pool-id", Err: err}
		}
		return nil, err
	}
	return New(api, id), nil
}
