package apply

import (
	"context"
	"fmt"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// checkDomain blocks a domain the plan would create when another user pool
// already holds it, so the apply stops before its first call instead of
// failing half-way with "Domain already associated with another user pool".
func checkDomain(ctx context.Context, api cognito.API, desired *config.Config, p *plan.Plan) error {
	name := cognito.DomainName(desired.Domain)
	if name == "" {
		return nil
	}
	for i, c := range p.Changes {
		if c.Kind != plan.KindDomain || (c.Action != plan.Create && c.Action != plan.Replace) {
			continue
		}
		owner, err := cognito.DomainOwner(ctx, api, name)
		if cognito.IsUnsupported(err) {
			p.Notes = append(p.Notes, fmt.Sprintf("domain %s was not checked for availability: the endpoint does not support domains", name))
			return nil
		}
		if err != nil {
			return err
		}
		if owner != "" && owner != p.PoolID {
			p.Changes[i].Action = plan.Blocked
			p.Changes[i].Reason = fmt.Sprintf("the domain %s already belongs to another user pool (%s); domain prefixes are shared by every AWS account — choose another domain.prefix, for example one that starts with your app's name", name, owner)
			if desired.Domain.CustomDomain != "" {
				p.Changes[i].Reason = fmt.Sprintf("the domain %s already belongs to another user pool (%s); remove it there first or choose another domain.custom_domain", name, owner)
			}
		}
		return nil
	}
	return nil
}
