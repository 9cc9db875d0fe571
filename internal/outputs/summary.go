package outputs

import (
	"net/url"
	"strings"

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
	// SignInURLs and SignOutURLs map client name to a ready-made hosted UI
	// sign-in (authorize) and sign-out (logout) URL, for the clients with
	// an OAuth flow that redirects back to an app.
	SignInURLs  map[string]string `json:"sign_in_urls,omitempty"`
	SignOutURLs map[string]string `json:"sign_out_urls,omitempty"`
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
	o.IssuerURL = issuerURL(o.Region, st.PoolID)
	if o.IssuerURL != "" {
		o.JWKSURL = o.IssuerURL + "/.well-known/jwks.json"
	}
	if host := hostedUIHost(st.Config.Domain, o.Region); host != "" {
		o.HostedUIURL = "https://" + host
	}
	for _, c := range st.Config.AppClients {
		o.AppClientIDs[c.Name] = c.ID
		o.addHostedUI(c)
	}
	o.addIdentity(ident, desired)
	return o
}

// addHostedUI adds the client's sign-in and sign-out URLs: the first
// thing to try once the hosted UI exists, and the exact redirect_uri and
// logout_uri Cognito compares character by character with the client's
// lists (a mismatch is Cognito's "redirect_mismatch").
// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
func (o *Summary) addHostedUI(c config.AppClient) {
	a := c.OAuth
	if o.HostedUIURL == "" || a == nil || c.ID == "" {
		return
	}
	rt := responseType(a.Flows)
	redirect := a.DefaultRedirectURI
	if redirect == "" && len(a.CallbackURLs) > 0 {
		redirect = a.CallbackURLs[0]
	}
	if rt != "" && redirect != "" {
		q := url.Values{"response_type": {rt}, "client_id": {c.ID}, "redirect_uri": {redirect}}
		if len(a.Scopes) > 0 {
			q.Set("scope", strings.Join(a.Scopes, " "))
		}
		if o.SignInURLs == nil {
			o.SignInURLs = map[string]string{}
		}
		o.SignInURLs[c.Name] = o.HostedUIURL + "/oauth2/authorize?" + q.Encode()
	}
	if len(a.LogoutURLs) > 0 {
		q := url.Values{"client_id": {c.ID}, "logout_uri": {a.LogoutURLs[0]}}
		if o.SignOutURLs == nil {
			o.SignOutURLs = map[string]string{}
		}
		o.SignOutURLs[c.Name] = o.HostedUIURL + "/logout?" + q.Encode()
	}
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
