package cognito

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/config"
)

// TagResourceName is the pool tag that carries cognito.yaml's resource_name.
// It is how apply finds its pool again from any machine, with no local state.
const TagResourceName = awsclient.TagResourceName

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

// FindPoolID returns the id of the pool that cfg describes (see FindPool).
// More than one tagged pool is an error, never a guess.
func FindPoolID(ctx context.Context, api API, cfg *config.Config) (string, error) {
	l, err := FindPool(ctx, api, cfg)
	if err != nil {
		return "", err
	}
	if l.ID == "" {
		if cfg.UserPool.ID != "" {
			return "", &NotFoundError{What: fmt.Sprintf("user pool %s (pinned by user_pool.id)", cfg.UserPool.ID)}
		}
		return "", &NotFoundError{What: fmt.Sprintf("user pool tagged %s=%s", TagResourceName, cfg.ResourceName)}
	}
	return l.ID, nil
}

// FindNewClient returns the id of the client named name in the pool that
// is not one of known (the clients that existed before, or that this run
// made): after a create whose answer was lost, that client is the one the
// create made. Several such clients are an error, never a guess.
func FindNewClient(ctx context.Context, api API, poolID, name string, known map[string]bool) (string, error) {
	found, err := NewClients(ctx, api, poolID, name, known)
	switch {
	case err != nil || len(found) == 0:
		return "", err
	case len(found) == 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%d new app clients are named %s (%v): delete the extra ones in the console, then run apply again", len(found), name, found)
}

// NewClients lists the ids of the pool's clients named name that are not
// in known.
func NewClients(ctx context.Context, api API, poolID, name string, known map[string]bool) ([]string, error) {
	var found []string
	pg := cip.NewListUserPoolClientsPaginator(api, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing app clients of user pool %s: %w", poolID, err)
		}
		for _, c := range page.UserPoolClients {
			if id := aws.ToString(c.ClientId); aws.ToString(c.ClientName) == name && !known[id] {
				found = append(found, id)
			}
		}
	}
	return found, nil
}

// IsAlreadyExists reports whether a create failed because a resource of
// that name exists (a group or an identity provider: Cognito keeps their
// names unique in a pool).
func IsAlreadyExists(err error) bool {
	var ge *types.GroupExistsException
	var de *types.DuplicateProviderException
	return errors.As(err, &ge) || errors.As(err, &de)
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
