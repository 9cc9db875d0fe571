package outputs

import (
	"fmt"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// Summary is cogwiz's own outputs (the json format, and what apply
// prints): what an app or a backend needs to talk to the pool, every
// client included. It never carries a client secret.
type Summary struct {
	UserPoolID  string `json:"user_pool_id"`
	UserPoolARN string `json:"user_pool_arn"`
	Region      string `json:"region,omitempty"`
	IssuerURL   string `json:"issuer_url,omitempty"`
	JWKSURL     string `json:"jwks_url,omitempty"`
	HostedUIURL string `json:"hosted_ui_url,omitempty"`
	// AppClientIDs maps client name to client id.
	AppClientIDs map[string]string `json:"app_client_ids"`
	// The identity pool and its roles, when the file has one.
	IdentityPoolID         string            `json:"identity_pool_id,omitempty"`
	AuthenticatedRoleARN   string            `json:"authenticated_role_arn,omitempty"`
	UnauthenticatedRoleARN string            `json:"unauthenticated_role_arn,omitempty"`
	GroupRoleARNs          map[string]string `json:"group_role_arns,omitempty"`
}

// NewSummary computes the summary from the pool as read back, and the
// identity pool and its roles (nil without one).
func NewSummary(st *cognito.State, ident *plan.IdentityState, desired *config.Config) Summary {
	o := Summary{UserPoolID: st.PoolID, UserPoolARN: st.PoolARN, AppClientIDs: map[string]string{}}
	o.Region = poolRegion(st)
	o.IssuerURL = issuerURL(st)
	if o.IssuerURL != "" {
		o.JWKSURL = o.IssuerURL + "/.well-known/jwks.json"
	}
	if d := st.Config.Domain; d != nil {
		switch {
		case d.CustomDomain != "":
			o.HostedUIURL = "https://" + d.CustomDomain
		case d.Prefix != "" && awsRegion().MatchString(o.Region):
			o.HostedUIURL = fmt.Sprintf("https://%s.auth.%s.amazoncognito.com", d.Prefix, o.Region)
		}
	}
	for _, c := range st.Config.AppClients {
		o.AppClientIDs[c.Name] = c.ID
	}
	o.addIdentity(ident, desired)
	return o
}

// addIdentity adds the identity pool id and its role ARNs.
func (o *Summary) addIdentity(s *plan.IdentityState, d *config.Config) {
	if s == nil || s.Pool == nil {
		return
	}
	o.IdentityPoolID = s.Pool.ID
	o.AuthenticatedRoleARN, o.UnauthenticatedRoleARN = s.Roles.Authenticated, s.Roles.Unauthenticated
	for _, r := range d.IdentityRoles() {
		if arn := s.RoleARN(r); r.Group != "" && arn != plan.KnownAfterApply {
			if o.GroupRoleARNs == nil {
				o.GroupRoleARNs = map[string]string{}
			}
			o.GroupRoleARNs[r.Group] = arn
		}
	}
}
