// Package identityfake is the Cognito identity pool service of the
// generic fake (internal/awsfake): thin adapters over its Store for the
// operations cogwiz calls, reached by the real SDK client through its
// endpoint. cognito-local has no identity pools. It follows the API
// reference:
//   - UpdateIdentityPool sets every member it is not sent to its default
//     (providers, tags and all);
//   - a developer provider name, once set, never changes;
//   - names, provider names and ARNs are checked against the documented
//     patterns (InvalidParameterException);
//   - ListIdentityPools needs MaxResults 1–60 and pages;
//   - SetIdentityPoolRoles takes only the authenticated and
//     unauthenticated keys, at most 10 role mappings, and Token or Rules
//     mappings need AmbiguousRoleResolution.
package identityfake

import (
	"fmt"
	"maps"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"

	"github.com/cogwiz/cogwiz/internal/awsfake"
)

// Target is the X-Amz-Target prefix of the identity pool service.
const Target = "AWSCognitoIdentityService"

const typePool = "cognito-identity:identitypool"

// Fake serves identity pools on an awsfake.Server.
type Fake struct {
	Server *awsfake.Server
	Region string
}

// Register adds the identity pool service to s; pool ids start with region.
func Register(s *awsfake.Server, region string) *Fake {
	f := &Fake{Server: s, Region: region}
	sv := s.Service(Target)
	awsfake.Op(sv, "CreateIdentityPool", f.create)
	awsfake.Op(sv, "DescribeIdentityPool", f.describe)
	awsfake.Op(sv, "UpdateIdentityPool", f.update)
	awsfake.Op(sv, "DeleteIdentityPool", f.delete)
	awsfake.Op(sv, "ListIdentityPools", f.list)
	awsfake.Op(sv, "GetIdentityPoolRoles", f.getRoles)
	awsfake.Op(sv, "SetIdentityPoolRoles", f.setRoles)
	return f
}

type poolRec struct {
	pool     ci.DescribeIdentityPoolOutput
	roles    map[string]string
	mappings map[string]types.RoleMapping
}

// Patterns from the API reference.
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html
var (
	poolName      = regexp.MustCompile(`^[\w\s+=,.@-]{1,128}$`)
	poolID        = regexp.MustCompile(`^[\w-]+:[0-9a-f-]+$`)
	providerName  = regexp.MustCompile(`^[\w._:/-]{1,128}$`)
	clientID      = regexp.MustCompile(`^[\w_]{1,128}$`)
	developerName = regexp.MustCompile(`^[\w._-]{1,128}$`)
	roleARN       = regexp.MustCompile(`^arn:aws[\w-]*:iam::\d{12}:role/[\w+=,.@/-]+$`)
)

func invalid(format string, args ...any) error {
	return awsfake.Errorf("InvalidParameterException", format, args...)
}

func (f *Fake) pool(id *string) (*awsfake.Item, *poolRec, error) {
	if !poolID.MatchString(aws.ToString(id)) {
		return nil, nil, invalid("1 validation error detected: Value '%s' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+", aws.ToString(id))
	}
	return awsfake.Find[*poolRec](f.Server.Store, typePool, aws.ToString(id), awsfake.Errorf("ResourceNotFoundException", "IdentityPool '%s' not found.", aws.ToString(id)))
}

// check validates what create and update share.
func check(name *string, providers []types.CognitoIdentityProvider, logins map[string]string, dev *string) error {
	if !poolName.MatchString(aws.ToString(name)) {
		return invalid("1 validation error detected: Value '%s' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+", aws.ToString(name))
	}
	for _, p := range providers {
		if !providerName.MatchString(aws.ToString(p.ProviderName)) || !clientID.MatchString(aws.ToString(p.ClientId)) {
			return invalid("Invalid Cognito Identity Provider: %s / %s", aws.ToString(p.ProviderName), aws.ToString(p.ClientId))
		}
	}
	if len(logins) > 10 {
		return invalid("1 validation error detected: Value at 'supportedLoginProviders' failed to satisfy constraint: Member must have length less than or equal to 10")
	}
	if dev != nil && !developerName.MatchString(*dev) {
		return invalid("1 validation error detected: Value '%s' at 'developerProviderName' failed to satisfy constraint", *dev)
	}
	return nil
}

func (f *Fake) create(in *ci.CreateIdentityPoolInput) (*ci.CreateIdentityPoolOutput, error) {
	if err := check(in.IdentityPoolName, in.CognitoIdentityProviders, in.SupportedLoginProviders, in.DeveloperProviderName); err != nil {
		return nil, err
	}
	s := f.Server.Store
	n := s.Next()
	id := fmt.Sprintf("%s:%08x-0000-4000-8000-%012x", f.Region, n, n)
	rec := &poolRec{pool: ci.DescribeIdentityPoolOutput{
		IdentityPoolId: aws.String(id), IdentityPoolName: in.IdentityPoolName,
		AllowUnauthenticatedIdentities: in.AllowUnauthenticatedIdentities, AllowClassicFlow: aws.Bool(aws.ToBool(in.AllowClassicFlow)),
		CognitoIdentityProviders: in.CognitoIdentityProviders, SupportedLoginProviders: in.SupportedLoginProviders,
		DeveloperProviderName: in.DeveloperProviderName, OpenIdConnectProviderARNs: in.OpenIdConnectProviderARNs,
		SamlProviderARNs: in.SamlProviderARNs,
	}, roles: map[string]string{}}
	it := &awsfake.Item{Type: typePool, ID: id, ARN: fmt.Sprintf("arn:aws:cognito-identity:%s:123456789012:identitypool/%s", f.Region, id), Value: rec}
	it.SetTags(in.IdentityPoolTags)
	s.Put(it)
	return (*ci.CreateIdentityPoolOutput)(f.view(it)), nil
}

func (f *Fake) view(it *awsfake.Item) *ci.DescribeIdentityPoolOutput {
	out := it.Value.(*poolRec).pool
	out.IdentityPoolTags = maps.Clone(it.Tags)
	return &out
}

func (f *Fake) describe(in *ci.DescribeIdentityPoolInput) (*ci.DescribeIdentityPoolOutput, error) {
	it, _, err := f.pool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	return f.view(it), nil
}

// update replaces every member with what was sent: what was not sent goes
// back to its default. The developer provider name, once set, stays.
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_UpdateIdentityPool.html
func (f *Fake) update(in *ci.UpdateIdentityPoolInput) (*ci.UpdateIdentityPoolOutput, error) {
	it, rec, err := f.pool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	if err := check(in.IdentityPoolName, in.CognitoIdentityProviders, in.SupportedLoginProviders, in.DeveloperProviderName); err != nil {
		return nil, err
	}
	dev := rec.pool.DeveloperProviderName
	if dev != nil && in.DeveloperProviderName != nil && *dev != *in.DeveloperProviderName {
		// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html#CognitoIdentity-CreateIdentityPool-request-DeveloperProviderName
		return nil, invalid("Developer provider name cannot be changed once it is set.")
	}
	if dev == nil {
		dev = in.DeveloperProviderName
	}
	rec.pool = ci.DescribeIdentityPoolOutput{
		IdentityPoolId: rec.pool.IdentityPoolId, IdentityPoolName: in.IdentityPoolName,
		AllowUnauthenticatedIdentities: in.AllowUnauthenticatedIdentities, AllowClassicFlow: aws.Bool(aws.ToBool(in.AllowClassicFlow)),
		CognitoIdentityProviders: in.CognitoIdentityProviders, SupportedLoginProviders: in.SupportedLoginProviders,
		DeveloperProviderName: dev, OpenIdConnectProviderARNs: in.OpenIdConnectProviderARNs, SamlProviderARNs: in.SamlProviderARNs,
	}
	it.SetTags(in.IdentityPoolTags)
	return (*ci.UpdateIdentityPoolOutput)(f.view(it)), nil
}

func (f *Fake) delete(in *ci.DeleteIdentityPoolInput) (*ci.DeleteIdentityPoolOutput, error) {
	it, _, err := f.pool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	f.Server.Store.Delete(typePool, it.ID)
	return &ci.DeleteIdentityPoolOutput{}, nil
}

// list pages by MaxResults (1–60, required).
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_ListIdentityPools.html
func (f *Fake) list(in *ci.ListIdentityPoolsInput) (*ci.ListIdentityPoolsOutput, error) {
	max := int(aws.ToInt32(in.MaxResults))
	if max < 1 || max > 60 {
		return nil, invalid("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 60", max)
	}
	page, next := awsfake.Page(f.Server.Store.List(typePool, ""), in.NextToken, max)
	out := &ci.ListIdentityPoolsOutput{IdentityPools: []types.IdentityPoolShortDescription{}, NextToken: next}
	for _, it := range page {
		p := it.Value.(*poolRec).pool
		out.IdentityPools = append(out.IdentityPools, types.IdentityPoolShortDescription{IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName})
	}
	return out, nil
}

func (f *Fake) getRoles(in *ci.GetIdentityPoolRolesInput) (*ci.GetIdentityPoolRolesOutput, error) {
	_, rec, err := f.pool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	return &ci.GetIdentityPoolRolesOutput{IdentityPoolId: in.IdentityPoolId, Roles: maps.Clone(rec.roles), RoleMappings: maps.Clone(rec.mappings)}, nil
}

// setRoles replaces the roles and the role mappings.
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
func (f *Fake) setRoles(in *ci.SetIdentityPoolRolesInput) (*ci.SetIdentityPoolRolesOutput, error) {
	_, rec, err := f.pool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	if in.Roles == nil {
		return nil, invalid("1 validation error detected: Value null at 'roles' failed to satisfy constraint: Member must not be null")
	}
	for k, arn := range in.Roles {
		if k != "authenticated" && k != "unauthenticated" {
			return nil, invalid("Invalid role key %s: only authenticated and unauthenticated are allowed.", k)
		}
		if !roleARN.MatchString(arn) {
			return nil, invalid("Invalid role ARN %s", arn)
		}
	}
	if len(in.RoleMappings) > 10 {
		return nil, invalid("1 validation error detected: Value at 'roleMappings' failed to satisfy constraint: Member must have length less than or equal to 10")
	}
	for k, m := range in.RoleMappings {
		if m.Type != types.RoleMappingTypeToken && m.Type != types.RoleMappingTypeRules {
			return nil, invalid("Invalid role mapping type for %s", k)
		}
		if m.AmbiguousRoleResolution == "" {
			return nil, invalid("AmbiguousRoleResolution must be specified for Token or Rules mapping for %s.", k)
		}
	}
	rec.roles = maps.Clone(in.Roles)
	rec.mappings = maps.Clone(in.RoleMappings)
	return &ci.SetIdentityPoolRolesOutput{}, nil
}

// PoolIDs lists the identity pools in creation order.
func (f *Fake) PoolIDs() []string { return f.Server.IDs(typePool) }
