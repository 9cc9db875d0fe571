package apply

import (
	"context"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
)

// roleClaim is a role cogwiz makes for the file, by name, with the tag
// (key and value) that marks it, beside the file's resource-name tag, as
// made for that purpose: an identity pool role's key, or the trigger a
// function's execution role serves.
type roleClaim struct{ name, tag, value string }

// readMovedRoles reads each claimed role that owned (the roles found under
// the file's IAM path) lacks. One with the file's resource-name tag and the
// claim's tag was made by cogwiz for this file and moved off its path: it
// is still ours and joins owned. Any other role of that name is someone
// else's, and goes to foreign.
func readMovedRoles(ctx context.Context, api iam.API, resourceName string, claims []roleClaim, owned map[string]iam.Role, foreign func(name string, r *iam.Role)) error {
	for _, c := range claims {
		if _, ok := owned[c.name]; ok {
			continue
		}
		r, err := iam.ReadRole(ctx, api, c.name)
		switch {
		case iam.IsNotFound(err):
		case err != nil:
			return err
		case r.Tags[awsclient.TagResourceName] == resourceName && r.Tags[c.tag] == c.value:
			owned[c.name] = *r
		default:
			foreign(c.name, r)
		}
	}
	return nil
}
