// Package cognitoidentity is cogwiz's only door to the AWS SDK's Cognito
// identity pool service: a narrow interface that *cognitoidentity.Client
// satisfies, the mapping between the config model and the identity pool
// (expand: model → pool, flatten: pool → model), finding the pool by its
// tag, and read-modify-write updates.
//
// Order matters when an identity pool is set up with its roles, and it is
// not the order of the file: the pool trusts the user pool's app clients,
// so their ids must exist first; each role's trust policy names the
// identity pool by id (aud), so the roles come after the pool; the pool
// learns its roles (SetIdentityPoolRoles) last, and the groups their
// roles after that. So: user pool and clients → identity pool → roles →
// SetIdentityPoolRoles → group role_arn.
package cognitoidentity

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/config"
)

// API is the subset of the identity pool API that cogwiz calls, with the
// SDK's signatures.
type API interface {
	CreateIdentityPool(ctx context.Context, params *ci.CreateIdentityPoolInput, optFns ...func(*ci.Options)) (*ci.CreateIdentityPoolOutput, error)
	DescribeIdentityPool(ctx context.Context, params *ci.DescribeIdentityPoolInput, optFns ...func(*ci.Options)) (*ci.DescribeIdentityPoolOutput, error)
	UpdateIdentityPool(ctx context.Context, params *ci.UpdateIdentityPoolInput, optFns ...func(*ci.Options)) (*ci.UpdateIdentityPoolOutput, error)
	DeleteIdentityPool(ctx context.Context, params *ci.DeleteIdentityPoolInput, optFns ...func(*ci.Options)) (*ci.DeleteIdentityPoolOutput, error)
	ListIdentityPools(ctx context.Context, params *ci.ListIdentityPoolsInput, optFns ...func(*ci.Options)) (*ci.ListIdentityPoolsOutput, error)
	GetIdentityPoolRoles(ctx context.Context, params *ci.GetIdentityPoolRolesInput, optFns ...func(*ci.Options)) (*ci.GetIdentityPoolRolesOutput, error)
	SetIdentityPoolRoles(ctx context.Context, params *ci.SetIdentityPoolRolesInput, optFns ...func(*ci.Options)) (*ci.SetIdentityPoolRolesOutput, error)
}

// The real client must satisfy API.
var _ API = (*ci.Client)(nil)

// New builds the client from a loaded configuration; endpointURL
// overrides the endpoint (tests).
func New(cfg aws.Config, endpointURL string) API {
	return ci.NewFromConfig(cfg, func(o *ci.Options) { o.BaseEndpoint = awsclient.Endpoint(endpointURL) })
}

// TagResourceName is the identity pool tag that carries cognito.yaml's
// resource_name, as on the user pool: how cogwiz finds its identity pool
// again (identity pool names are not unique).
const TagResourceName = awsclient.TagResourceName

// LoginProviderDomains maps the file's provider types to the keys of
// SupportedLoginProviders.
// https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html
var LoginProviderDomains = map[string]string{
	"facebook": "graph.facebook.com",
	"google":   "accounts.google.com",
	"amazon":   "www.amazon.com",
	"apple":    "appleid.apple.com",
}

// Pool is an identity pool in cogwiz's terms. Lists are sorted so that
// equal pools compare equal.
type Pool struct {
	ID                        string
	Name                      string
	AllowUnauthenticated      bool
	AllowClassicFlow          bool
	Clients                   []Client
	LoginProviders            map[string]string
	OpenIDConnectProviderARNs []string
	SAMLProviderARNs          []string
	DeveloperProviderName     string
	Tags                      map[string]string
}

// Client is a user pool app client the identity pool trusts.
type Client struct {
	// ProviderName is cognito-idp.<region>.amazonaws.com/<user pool id>.
	ProviderName         string
	ClientID             string
	ServerSideTokenCheck bool
}

// Key is how role mappings name the client: <provider name>:<client id>.
func (c Client) Key() string { return c.ProviderName + ":" + c.ClientID }

// ProviderName is the identity pool's name for a user pool. The region is
// the prefix of the pool id (us-east-1_AbC → us-east-1).
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-integrating-user-pools-with-identity-pools.html
func ProviderName(userPoolID string) string {
	region, _, _ := strings.Cut(userPoolID, "_")
	return fmt.Sprintf("cognito-idp.%s.amazonaws.com/%s", region, userPoolID)
}

// Expand is the identity pool cfg describes, laid over live (the pool as
// it is; the zero Pool for a new one): what the file leaves out keeps its
// live value, so an update sends back everything it does not change.
// clientIDs maps app client names to ids (a name without an id yet maps to
// a placeholder, which differs from any live id).
func Expand(cfg *config.Config, live Pool, userPoolID string, clientIDs map[string]string) Pool {
	ip := cfg.IdentityPool
	p := live
	p.Name = ip.Name
	p.AllowUnauthenticated = ip.AllowUnauthenticated
	if ip.AllowClassicFlow != nil {
		p.AllowClassicFlow = *ip.AllowClassicFlow
	}
	check := false
	for _, c := range live.Clients {
		check = check || c.ServerSideTokenCheck
	}
	if ip.ServerSideTokenCheck != nil {
		check = *ip.ServerSideTokenCheck
	}
	p.Clients = nil
	for _, name := range cfg.IdentityPoolClients() {
		id := clientIDs[name]
		if id == "" {
			id = "(id of new app client " + name + ")"
		}
		p.Clients = append(p.Clients, Client{ProviderName: ProviderName(userPoolID), ClientID: id, ServerSideTokenCheck: check})
	}
	sortClients(p.Clients)
	// The providers list is the file's answer to Amplify's third-party auth
	// question: an empty list means none, as in Amplify.
	p.LoginProviders = map[string]string{}
	for _, pr := range ip.Providers {
		p.LoginProviders[LoginProviderDomains[pr.Type]] = pr.AppID
	}
	if len(ip.OpenIDConnectProviderARNs) > 0 {
		p.OpenIDConnectProviderARNs = sorted(ip.OpenIDConnectProviderARNs)
	}
	if len(ip.SAMLProviderARNs) > 0 {
		p.SAMLProviderARNs = sorted(ip.SAMLProviderARNs)
	}
	if ip.DeveloperProviderName != "" {
		p.DeveloperProviderName = ip.DeveloperProviderName
	}
	p.Tags = maps.Clone(live.Tags)
	if p.Tags == nil {
		p.Tags = map[string]string{}
	}
	if live.ID == "" {
		// The tag records that cogwiz made the pool: set at creation only,
		// never added to a pool the file adopted by its id.
		p.Tags[TagResourceName] = cfg.ResourceName
	}
	return p
}

// Flatten is the pool in the file's terms, for import: clientNames maps
// client ids to names; clients of another user pool are left out.
func Flatten(p Pool, userPoolID string, clientNames map[string]string) *config.IdentityPool {
	ip := &config.IdentityPool{ID: p.ID, Name: p.Name, AllowUnauthenticated: p.AllowUnauthenticated,
		OpenIDConnectProviderARNs: p.OpenIDConnectProviderARNs, SAMLProviderARNs: p.SAMLProviderARNs,
		DeveloperProviderName: p.DeveloperProviderName}
	if p.AllowClassicFlow {
		ip.AllowClassicFlow = config.Bool(true)
	}
	for _, c := range p.Clients {
		if c.ProviderName == ProviderName(userPoolID) && clientNames[c.ClientID] != "" {
			ip.AppClients = append(ip.AppClients, clientNames[c.ClientID])
			if c.ServerSideTokenCheck {
				ip.ServerSideTokenCheck = config.Bool(true)
			}
		}
	}
	sort.Strings(ip.AppClients)
	for _, typ := range config.IdentityPoolProviderTypes {
		if id, ok := p.LoginProviders[LoginProviderDomains[typ]]; ok {
			ip.Providers = append(ip.Providers, config.IdentityPoolProvider{Type: typ, AppID: id})
		}
	}
	return ip
}

func sortClients(cs []Client) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Key() < cs[j].Key() })
}

func sorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}

func flatten(o *ci.DescribeIdentityPoolOutput) Pool {
	p := Pool{
		ID: aws.ToString(o.IdentityPoolId), Name: aws.ToString(o.IdentityPoolName),
		AllowUnauthenticated: o.AllowUnauthenticatedIdentities, AllowClassicFlow: aws.ToBool(o.AllowClassicFlow),
		LoginProviders: maps.Clone(o.SupportedLoginProviders), DeveloperProviderName: aws.ToString(o.DeveloperProviderName),
		OpenIDConnectProviderARNs: sorted(o.OpenIdConnectProviderARNs), SAMLProviderARNs: sorted(o.SamlProviderARNs),
		Tags: maps.Clone(o.IdentityPoolTags),
	}
	if p.LoginProviders == nil {
		p.LoginProviders = map[string]string{}
	}
	if p.Tags == nil {
		p.Tags = map[string]string{}
	}
	for _, c := range o.CognitoIdentityProviders {
		p.Clients = append(p.Clients, Client{ProviderName: aws.ToString(c.ProviderName), ClientID: aws.ToString(c.ClientId), ServerSideTokenCheck: aws.ToBool(c.ServerSideTokenCheck)})
	}
	sortClients(p.Clients)
	return p
}

func expandClients(cs []Client) []types.CognitoIdentityProvider {
	out := []types.CognitoIdentityProvider{}
	for _, c := range cs {
		out = append(out, types.CognitoIdentityProvider{ProviderName: aws.String(c.ProviderName), ClientId: aws.String(c.ClientID), ServerSideTokenCheck: aws.Bool(c.ServerSideTokenCheck)})
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return aws.String(s)
}

// ExpandCreate is the CreateIdentityPool request of p.
func ExpandCreate(p Pool) *ci.CreateIdentityPoolInput {
	return &ci.CreateIdentityPoolInput{
		IdentityPoolName: aws.String(p.Name), AllowUnauthenticatedIdentities: p.AllowUnauthenticated,
		AllowClassicFlow: aws.Bool(p.AllowClassicFlow), CognitoIdentityProviders: expandClients(p.Clients),
		SupportedLoginProviders: p.LoginProviders, OpenIdConnectProviderARNs: p.OpenIDConnectProviderARNs,
		SamlProviderARNs: p.SAMLProviderARNs, DeveloperProviderName: optional(p.DeveloperProviderName),
		IdentityPoolTags: p.Tags,
	}
}

// ExpandUpdate is the UpdateIdentityPool request of p: every member, since
// Cognito sets each one left out to its default (tags and providers
// included).
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_UpdateIdentityPool.html
func ExpandUpdate(p Pool) *ci.UpdateIdentityPoolInput {
	c := ExpandCreate(p)
	return &ci.UpdateIdentityPoolInput{
		IdentityPoolId: aws.String(p.ID), IdentityPoolName: c.IdentityPoolName,
		AllowUnauthenticatedIdentities: c.AllowUnauthenticatedIdentities, AllowClassicFlow: c.AllowClassicFlow,
		CognitoIdentityProviders: c.CognitoIdentityProviders, SupportedLoginProviders: orEmpty(c.SupportedLoginProviders),
		OpenIdConnectProviderARNs: orEmptyList(c.OpenIdConnectProviderARNs), SamlProviderARNs: orEmptyList(c.SamlProviderARNs),
		DeveloperProviderName: c.DeveloperProviderName, IdentityPoolTags: c.IdentityPoolTags,
	}
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orEmptyList(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// ErrNotFound is returned when no identity pool matches.
var ErrNotFound = errors.New("identity pool not found")

// IsNotFound reports whether err says the identity pool does not exist.
func IsNotFound(err error) bool {
	var rnf *types.ResourceNotFoundException
	return errors.Is(err, ErrNotFound) || errors.As(err, &rnf)
}

// ReadPool describes one identity pool.
func ReadPool(ctx context.Context, api API, id string) (*Pool, error) {
	out, err := api.DescribeIdentityPool(ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String(id)})
	if err != nil {
		if IsNotFound(err) {
			return nil, fmt.Errorf("identity pool %s: %w", id, ErrNotFound)
		}
		return nil, fmt.Errorf("reading identity pool %s: %w", id, err)
	}
	p := flatten(out)
	return &p, nil
}

// FindPool finds the identity pool cfg describes: the one pinned by
// identity_pool.id, or the one tagged with the file's resource_name. None
// is (nil, nil); two tagged pools are an error, never a guess.
func FindPool(ctx context.Context, api API, cfg *config.Config) (*Pool, error) {
	if ip := cfg.IdentityPool; ip != nil && ip.ID != "" {
		p, err := ReadPool(ctx, api, ip.ID)
		if IsNotFound(err) {
			return nil, fmt.Errorf("identity pool %s (pinned by identity_pool.id) does not exist here: check the id, --region and --profile, or remove the pin to create one", ip.ID)
		}
		return p, err
	}
	return FindTagged(ctx, api, cfg.ResourceName)
}

// ListPoolIDs lists the ids of the account's identity pools in the region.
func ListPoolIDs(ctx context.Context, api API) ([]string, error) {
	var ids []string
	pg := ci.NewListIdentityPoolsPaginator(api, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing identity pools: %w", err)
		}
		for _, d := range page.IdentityPools {
			ids = append(ids, aws.ToString(d.IdentityPoolId))
		}
	}
	return ids, nil
}

// FindTagged finds the one identity pool tagged resource-name=name.
func FindTagged(ctx context.Context, api API, name string) (*Pool, error) {
	ids, err := ListPoolIDs(ctx, api)
	if err != nil {
		return nil, err
	}
	var found []*Pool
	for _, id := range ids {
		p, err := ReadPool(ctx, api, id)
		if err != nil {
			if IsNotFound(err) {
				continue // deleted between list and describe
			}
			return nil, err
		}
		if p.Tags[TagResourceName] == name {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return found[0], nil
	}
	ids = make([]string, len(found))
	for i, p := range found {
		ids[i] = p.ID
	}
	return nil, fmt.Errorf("%d identity pools are tagged %s=%s (%s): pin the one to manage with identity_pool.id",
		len(found), TagResourceName, name, strings.Join(ids, ", "))
}

// CreatePool creates p and returns its id. The create is sent once: after
// an answer that leaves open whether Cognito made the pool, the pool is
// looked up by its tag.
func CreatePool(ctx context.Context, api API, p Pool) (string, error) {
	out, err := api.CreateIdentityPool(ctx, ExpandCreate(p), func(o *ci.Options) { o.Retryer = awsclient.SendOnce(o.Retryer) })
	if err == nil {
		return aws.ToString(out.IdentityPoolId), nil
	}
	if !awsclient.IsAmbiguous(err) {
		return "", fmt.Errorf("creating identity pool %s: %w", p.Name, err)
	}
	found, lerr := FindTagged(ctx, api, p.Tags[TagResourceName])
	if lerr != nil || found == nil {
		return "", fmt.Errorf("creating identity pool %s: %w (looked up afterwards: not made)", p.Name, err)
	}
	return found.ID, nil
}

// UpdatePool sends p as a whole (see ExpandUpdate); p comes from Expand
// over the live pool, so nothing the file leaves out is reset.
func UpdatePool(ctx context.Context, api API, p Pool) error {
	if _, err := api.UpdateIdentityPool(ctx, ExpandUpdate(p)); err != nil {
		return fmt.Errorf("updating identity pool %s: %w", p.ID, err)
	}
	return nil
}

// DeletePool deletes an identity pool; one already gone is no error.
func DeletePool(ctx context.Context, api API, id string) error {
	if _, err := api.DeleteIdentityPool(ctx, &ci.DeleteIdentityPoolInput{IdentityPoolId: aws.String(id)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting identity pool %s: %w", id, err)
	}
	return nil
}

// Roles are the identity pool's roles: the authenticated and
// unauthenticated role ARNs and, per trusted client (Client.Key), the
// role mapping.
type Roles struct {
	Authenticated   string
	Unauthenticated string
	Mappings        map[string]Mapping
}

// Mapping is a token role mapping: Type Token and what an ambiguous
// token gets. Rules mappings are read back with Type Rules, which never
// equals what cogwiz sets.
type Mapping struct {
	Type                    string
	AmbiguousRoleResolution string
}

// GetRoles reads the identity pool's roles.
func GetRoles(ctx context.Context, api API, id string) (Roles, error) {
	out, err := api.GetIdentityPoolRoles(ctx, &ci.GetIdentityPoolRolesInput{IdentityPoolId: aws.String(id)})
	if err != nil {
		return Roles{}, fmt.Errorf("reading the roles of identity pool %s: %w", id, err)
	}
	r := Roles{Authenticated: out.Roles["authenticated"], Unauthenticated: out.Roles["unauthenticated"], Mappings: map[string]Mapping{}}
	for k, m := range out.RoleMappings {
		r.Mappings[k] = Mapping{Type: string(m.Type), AmbiguousRoleResolution: string(m.AmbiguousRoleResolution)}
	}
	return r, nil
}

// SetRoles sets the identity pool's roles and role mappings; the call
// replaces both as a whole.
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
func SetRoles(ctx context.Context, api API, id string, r Roles) error {
	in := &ci.SetIdentityPoolRolesInput{IdentityPoolId: aws.String(id), Roles: map[string]string{}}
	if r.Authenticated != "" {
		in.Roles["authenticated"] = r.Authenticated
	}
	if r.Unauthenticated != "" {
		in.Roles["unauthenticated"] = r.Unauthenticated
	}
	if len(r.Mappings) > 0 {
		in.RoleMappings = map[string]types.RoleMapping{}
		for k, m := range r.Mappings {
			in.RoleMappings[k] = types.RoleMapping{Type: types.RoleMappingType(m.Type), AmbiguousRoleResolution: types.AmbiguousRoleResolutionType(m.AmbiguousRoleResolution)}
		}
	}
	if _, err := api.SetIdentityPoolRoles(ctx, in); err != nil {
		return fmt.Errorf("setting the roles of identity pool %s: %w", id, err)
	}
	return nil
}

// ExpandRoles is the roles cfg asks for: roleARNs maps IdentityRole keys
// (authenticated, unauthenticated) to ARNs; with token mapping every
// trusted client maps Token with the file's ambiguous role resolution.
func ExpandRoles(cfg *config.Config, p Pool, roleARNs map[string]string) Roles {
	r := Roles{Authenticated: roleARNs[config.IdentityRoleAuth], Unauthenticated: roleARNs[config.IdentityRoleUnauth], Mappings: map[string]Mapping{}}
	if cfg.EffectiveRoleMapping() == config.RoleMappingToken {
		for _, c := range p.Clients {
			r.Mappings[c.Key()] = Mapping{Type: string(types.RoleMappingTypeToken), AmbiguousRoleResolution: cfg.EffectiveAmbiguousRoleResolution()}
		}
	}
	return r
}

// TrustPolicy is the trust policy of a role for this identity pool: only
// cognito-identity.amazonaws.com may assume it, only for identities of
// this pool (aud) that are authenticated or unauthenticated (amr).
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
func TrustPolicy(poolID, amr string) string {
	doc := map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Effect":    "Allow",
			"Principal": map[string]any{"Federated": "cognito-identity.amazonaws.com"},
			"Action":    "sts:AssumeRoleWithWebIdentity",
			"Condition": map[string]any{
				"StringEquals":           map[string]any{"cognito-identity.amazonaws.com:aud": poolID},
				"ForAnyValue:StringLike": map[string]any{"cognito-identity.amazonaws.com:amr": amr},
			},
		}},
	}
	b, _ := json.Marshal(doc)
	return string(b)
}
