package cognito

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// TagResourceName is the pool tag that carries cognito.yaml's resource_name.
// It is how apply finds its pool again from any machine, with no local state.
const TagResourceName = "cogwiz:resource-name"

// ErrNotFound is returned by the find functions when nothing matches.
var ErrNotFound = errors.New("not found")

// NotFoundError says what was looked for.
type NotFoundError struct{ What string }

func (e *NotFoundError) Error() string        { return e.What + " not found" }
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// IsNotFound reports whether err is a Cognito ResourceNotFoundException or
// one of our NotFoundErrors.
func IsNotFound(err error) bool {
	var rnf *types.ResourceNotFoundException
	return errors.As(err, &rnf) || errors.Is(err, ErrNotFound)
}

// FindPoolID returns the id of the pool that cfg describes: the id pinned
// in the file when there is one, otherwise the one pool tagged with the
// file's resource_name. More than one tagged pool is an error, never a guess.
func FindPoolID(ctx context.Context, api API, cfg *config.Config) (string, error) {
	if cfg.UserPool.ID != "" {
		if _, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(cfg.UserPool.ID)}); err != nil {
			if IsNotFound(err) {
				return "", &NotFoundError{What: fmt.Sprintf("user pool %s (pinned by user_pool.id)", cfg.UserPool.ID)}
			}
			return "", fmt.Errorf("describing user pool %s: %w", cfg.UserPool.ID, err)
		}
		return cfg.UserPool.ID, nil
	}
	if cfg.ResourceName == "" {
		// An empty name would match every untagged pool in the account.
		return "", fmt.Errorf("resource_name is empty: set it (it tags the pool so cogwiz finds it again) or pin the pool with user_pool.id")
	}
	var found []string
	p := cip.NewListUserPoolsPaginator(api, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return "", fmt.Errorf("listing user pools: %w", err)
		}
		for _, pool := range page.UserPools {
			out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: pool.Id})
			if err != nil {
				if IsNotFound(err) {
					continue // deleted between list and describe
				}
				return "", fmt.Errorf("describing user pool %s: %w", aws.ToString(pool.Id), err)
			}
			if v, ok := out.UserPool.UserPoolTags[TagResourceName]; ok && v == cfg.ResourceName {
				found = append(found, aws.ToString(pool.Id))
			}
		}
	}
	switch len(found) {
	case 0:
		return "", &NotFoundError{What: fmt.Sprintf("user pool tagged %s=%s", TagResourceName, cfg.ResourceName)}
	case 1:
		return found[0], nil
	default:
		return "", fmt.Errorf("%d user pools are tagged %s=%s (%v): pin the one to manage with user_pool.id", len(found), TagResourceName, cfg.ResourceName, found)
	}
}

// FindNewClient returns the id of the client named name in the pool that
// is not one of known (the clients that existed before, or that this run
// made): after a create whose answer was lost, that client is the one the
// create made. Several such clients are an error, never a guess.
func FindNewClient(ctx context.Context, api API, poolID, name string, known map[string]bool) (string, error) {
	var found []string
	pg := cip.NewListUserPoolClientsPaginator(api, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return "", fmt.Errorf("listing app clients of user pool %s: %w", poolID, err)
		}
		for _, c := range page.UserPoolClients {
			if id := aws.ToString(c.ClientId); aws.ToString(c.ClientName) == name && !known[id] {
				found = append(found, id)
			}
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%d new app clients are named %s (%v): delete the extra ones in the console, then run apply again", len(found), name, found)
}

// GroupExists reports whether the pool has a group named name.
func GroupExists(ctx context.Context, api API, poolID, name string) (bool, error) {
	_, err := api.GetGroup(ctx, &cip.GetGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String(name)})
	return exists(err)
}

// IdentityProviderExists reports whether the pool has a provider named name.
func IdentityProviderExists(ctx context.Context, api API, poolID, name string) (bool, error) {
	_, err := api.DescribeIdentityProvider(ctx, &cip.DescribeIdentityProviderInput{UserPoolId: aws.String(poolID), ProviderName: aws.String(name)})
	return exists(err)
}

// ResourceServerExists reports whether the pool has a resource server with identifier.
func ResourceServerExists(ctx context.Context, api API, poolID, identifier string) (bool, error) {
	_, err := api.DescribeResourceServer(ctx, &cip.DescribeResourceServerInput{UserPoolId: aws.String(poolID), Identifier: aws.String(identifier)})
	return exists(err)
}

func exists(err error) (bool, error) {
	switch {
	case err == nil:
		return true, nil
	case IsNotFound(err):
		return false, nil
	}
	return false, err
}
