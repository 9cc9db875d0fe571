package cognitofake

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// clientFromUpdate builds a client from the members of an update (or
// create) request, filling Cognito's defaults for what is missing.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html
func clientFromUpdate(in *cip.UpdateUserPoolClientInput) types.UserPoolClientType {
	c := types.UserPoolClientType{
		ClientId: in.ClientId, UserPoolId: in.UserPoolId, ClientName: in.ClientName,
		AccessTokenValidity: in.AccessTokenValidity, IdTokenValidity: in.IdTokenValidity, RefreshTokenValidity: in.RefreshTokenValidity,
		TokenValidityUnits: in.TokenValidityUnits, AllowedOAuthFlows: in.AllowedOAuthFlows,
		AllowedOAuthFlowsUserPoolClient: aws.Bool(in.AllowedOAuthFlowsUserPoolClient), AllowedOAuthScopes: in.AllowedOAuthScopes,
		AnalyticsConfiguration: in.AnalyticsConfiguration, AuthSessionValidity: in.AuthSessionValidity,
		CallbackURLs: in.CallbackURLs, DefaultRedirectURI: in.DefaultRedirectURI,
		EnablePropagateAdditionalUserContextData: in.EnablePropagateAdditionalUserContextData,
		EnableTokenRevocation:                    in.EnableTokenRevocation, ExplicitAuthFlows: in.ExplicitAuthFlows, LogoutURLs: in.LogoutURLs,
		PreventUserExistenceErrors: in.PreventUserExistenceErrors, ReadAttributes: in.ReadAttributes,
		RefreshTokenRotation: in.RefreshTokenRotation, SupportedIdentityProviders: in.SupportedIdentityProviders,
		WriteAttributes: in.WriteAttributes, CreationDate: aws.Time(epoch), LastModifiedDate: aws.Time(epoch),
	}
	if c.AccessTokenValidity == nil {
		c.AccessTokenValidity = aws.Int32(60)
	}
	if c.IdTokenValidity == nil {
		c.IdTokenValidity = aws.Int32(60)
	}
	if c.RefreshTokenValidity == 0 {
		c.RefreshTokenValidity = 30
	}
	units := types.TokenValidityUnitsType{AccessToken: types.TimeUnitsTypeMinutes, IdToken: types.TimeUnitsTypeMinutes, RefreshToken: types.TimeUnitsTypeDays}
	if u := c.TokenValidityUnits; u != nil {
		if u.AccessToken != "" {
			units.AccessToken = u.AccessToken
		}
		if u.IdToken != "" {
			units.IdToken = u.IdToken
		}
		if u.RefreshToken != "" {
			units.RefreshToken = u.RefreshToken
		}
	}
	c.TokenValidityUnits = &units
	if len(c.ExplicitAuthFlows) == 0 {
		c.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth, types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowCustomAuth}
	}
	if c.PreventUserExistenceErrors == "" {
		c.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesLegacy
	}
	if c.EnableTokenRevocation == nil {
		c.EnableTokenRevocation = aws.Bool(true)
	}
	return c
}

// checkClient refuses identity providers and scopes that do not exist,
// which is why clients must come after providers and resource servers.
func (p *pool) checkClient(c *types.UserPoolClientType) error {
	for _, name := range c.SupportedIdentityProviders {
		if name == "COGNITO" {
			continue
		}
		if _, ok := p.idps[name]; !ok {
			return invalid("The provider %s does not exist for User Pool %s", name, aws.ToString(p.p.Id))
		}
	}
	builtin := map[string]bool{"openid": true, "email": true, "phone": true, "profile": true, "aws.cognito.signin.user.admin": true}
	for _, s := range c.AllowedOAuthScopes {
		if builtin[s] {
			continue
		}
		i := strings.LastIndex(s, "/")
		ok := false
		if i > 0 {
			if rs, found := p.rs[s[:i]]; found {
				for _, sc := range rs.Scopes {
					ok = ok || aws.ToString(sc.ScopeName) == s[i+1:]
				}
			}
		}
		if !ok {
			return &types.ScopeDoesNotExistException{Message: aws.String("Invalid scope requested: " + s)}
		}
	}
	if c.AllowedOAuthFlowsUserPoolClient != nil && *c.AllowedOAuthFlowsUserPoolClient {
		for _, fl := range c.AllowedOAuthFlows {
			if (fl == types.OAuthFlowTypeCode || fl == types.OAuthFlowTypeImplicit) && len(c.CallbackURLs) == 0 {
				return &types.InvalidOAuthFlowException{Message: aws.String("CallbackUrls can not be empty when code flow or implicit flow is selected")}
			}
		}
	}
	return nil
}

func (f *Fake) CreateUserPoolClient(_ context.Context, in *cip.CreateUserPoolClientInput, _ ...func(*cip.Options)) (*cip.CreateUserPoolClientOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	in = clone(in)
	f.seq++
	id := fmt.Sprintf("fakeclient%04d", f.seq)
	c := clientFromUpdate(&cip.UpdateUserPoolClientInput{
		ClientId: aws.String(id), UserPoolId: in.UserPoolId, ClientName: in.ClientName,
		AccessTokenValidity: in.AccessTokenValidity, IdTokenValidity: in.IdTokenValidity, RefreshTokenValidity: in.RefreshTokenValidity,
		TokenValidityUnits: in.TokenValidityUnits, AllowedOAuthFlows: in.AllowedOAuthFlows, AllowedOAuthFlowsUserPoolClient: in.AllowedOAuthFlowsUserPoolClient,
		AllowedOAuthScopes: in.AllowedOAuthScopes, AnalyticsConfiguration: in.AnalyticsConfiguration, AuthSessionValidity: in.AuthSessionValidity,
		CallbackURLs: in.CallbackURLs, DefaultRedirectURI: in.DefaultRedirectURI,
		EnablePropagateAdditionalUserContextData: in.EnablePropagateAdditionalUserContextData, EnableTokenRevocation: in.EnableTokenRevocation,
		ExplicitAuthFlows: in.ExplicitAuthFlows, LogoutURLs: in.LogoutURLs, PreventUserExistenceErrors: in.PreventUserExistenceErrors,
		ReadAttributes: in.ReadAttributes, RefreshTokenRotation: in.RefreshTokenRotation, SupportedIdentityProviders: in.SupportedIdentityProviders,
		WriteAttributes: in.WriteAttributes,
	})
	if err := p.checkClient(&c); err != nil {
		return nil, err
	}
	if in.GenerateSecret {
		c.ClientSecret = aws.String(fmt.Sprintf("fakesecret%04dfakesecretfakesecret", f.seq))
	}
	p.clients[id] = &c
	p.corder = append(p.corder, id)
	return &cip.CreateUserPoolClientOutput{UserPoolClient: ptr(clone(c))}, nil
}

func (f *Fake) client(poolID, clientID *string) (*pool, *types.UserPoolClientType, error) {
	p, err := f.get(poolID)
	if err != nil {
		return nil, nil, err
	}
	c, ok := p.clients[aws.ToString(clientID)]
	if !ok {
		return nil, nil, notFound("User pool client %s does not exist.", aws.ToString(clientID))
	}
	return p, c, nil
}

func (f *Fake) DescribeUserPoolClient(_ context.Context, in *cip.DescribeUserPoolClientInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, c, err := f.client(in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeUserPoolClientOutput{UserPoolClient: ptr(clone(*c))}, nil
}

// UpdateUserPoolClient resets what it is not sent, like AWS (cognito-local merges).
func (f *Fake) UpdateUserPoolClient(_ context.Context, in *cip.UpdateUserPoolClientInput, _ ...func(*cip.Options)) (*cip.UpdateUserPoolClientOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, old, err := f.client(in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	c := clientFromUpdate(clone(in))
	if c.ClientName == nil {
		c.ClientName = old.ClientName
	}
	c.ClientSecret = old.ClientSecret
	if err := p.checkClient(&c); err != nil {
		return nil, err
	}
	p.clients[aws.ToString(in.ClientId)] = &c
	return &cip.UpdateUserPoolClientOutput{UserPoolClient: ptr(clone(c))}, nil
}

func (f *Fake) DeleteUserPoolClient(_ context.Context, in *cip.DeleteUserPoolClientInput, _ ...func(*cip.Options)) (*cip.DeleteUserPoolClientOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, _, err := f.client(in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	id := aws.ToString(in.ClientId)
	delete(p.clients, id)
	for i, x := range p.corder {
		if x == id {
			p.corder = append(p.corder[:i], p.corder[i+1:]...)
			break
		}
	}
	return &cip.DeleteUserPoolClientOutput{}, nil
}

func (f *Fake) ListUserPoolClients(_ context.Context, in *cip.ListUserPoolClientsInput, _ ...func(*cip.Options)) (*cip.ListUserPoolClientsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := &cip.ListUserPoolClientsOutput{}
	for _, id := range p.corder {
		c := p.clients[id]
		out.UserPoolClients = append(out.UserPoolClients, types.UserPoolClientDescription{ClientId: c.ClientId, ClientName: c.ClientName, UserPoolId: c.UserPoolId})
	}
	return out, nil
}

func (f *Fake) CreateGroup(_ context.Context, in *cip.CreateGroupInput, _ ...func(*cip.Options)) (*cip.CreateGroupOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	name := aws.ToString(in.GroupName)
	if _, ok := p.groups[name]; ok {
		return nil, &types.GroupExistsException{Message: aws.String("A group with the name " + name + " already exists.")}
	}
	g := &types.GroupType{GroupName: in.GroupName, UserPoolId: in.UserPoolId, Description: in.Description, Precedence: in.Precedence, RoleArn: in.RoleArn, CreationDate: aws.Time(epoch), LastModifiedDate: aws.Time(epoch)}
	p.groups[name] = clone(g)
	return &cip.CreateGroupOutput{Group: clone(g)}, nil
}

func (f *Fake) group(poolID, name *string) (*pool, *types.GroupType, error) {
	p, err := f.get(poolID)
	if err != nil {
		return nil, nil, err
	}
	g, ok := p.groups[aws.ToString(name)]
	if !ok {
		return nil, nil, notFound("Group not found.")
	}
	return p, g, nil
}

func (f *Fake) GetGroup(_ context.Context, in *cip.GetGroupInput, _ ...func(*cip.Options)) (*cip.GetGroupOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, g, err := f.group(in.UserPoolId, in.GroupName)
	if err != nil {
		return nil, err
	}
	return &cip.GetGroupOutput{Group: clone(g)}, nil
}

// UpdateGroup: members left out are cleared.
func (f *Fake) UpdateGroup(_ context.Context, in *cip.UpdateGroupInput, _ ...func(*cip.Options)) (*cip.UpdateGroupOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, g, err := f.group(in.UserPoolId, in.GroupName)
	if err != nil {
		return nil, err
	}
	in = clone(in)
	g.Description, g.Precedence, g.RoleArn = in.Description, in.Precedence, in.RoleArn
	return &cip.UpdateGroupOutput{Group: clone(g)}, nil
}

func (f *Fake) DeleteGroup(_ context.Context, in *cip.DeleteGroupInput, _ ...func(*cip.Options)) (*cip.DeleteGroupOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, _, err := f.group(in.UserPoolId, in.GroupName)
	if err != nil {
		return nil, err
	}
	delete(p.groups, aws.ToString(in.GroupName))
	return &cip.DeleteGroupOutput{}, nil
}

func (f *Fake) ListGroups(_ context.Context, in *cip.ListGroupsInput, _ ...func(*cip.Options)) (*cip.ListGroupsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := &cip.ListGroupsOutput{}
	for _, k := range slices.Sorted(maps.Keys(p.groups)) {
		out.Groups = append(out.Groups, *clone(p.groups[k]))
	}
	return out, nil
}

func (f *Fake) CreateUserPoolDomain(_ context.Context, in *cip.CreateUserPoolDomainInput, _ ...func(*cip.Options)) (*cip.CreateUserPoolDomainOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	name := aws.ToString(in.Domain)
	if _, taken := f.domains[name]; taken {
		return nil, invalid("Domain already associated with another user pool.")
	}
	if p.domain != nil {
		return nil, invalid("User pool already has a domain configured.")
	}
	for _, w := range []string{"aws", "amazon", "cognito"} {
		if in.CustomDomainConfig == nil && strings.Contains(name, w) {
			return nil, invalid("Domain cannot contain reserved word: %s", w)
		}
	}
	f.domains[name] = aws.ToString(in.UserPoolId)
	p.domain = &types.DomainDescriptionType{Domain: in.Domain, UserPoolId: in.UserPoolId, AWSAccountId: aws.String(f.Account), Status: types.DomainStatusTypeActive,
		CustomDomainConfig: clone(in.CustomDomainConfig), ManagedLoginVersion: in.ManagedLoginVersion}
	if p.domain.ManagedLoginVersion == nil {
		p.domain.ManagedLoginVersion = aws.Int32(1)
	}
	return &cip.CreateUserPoolDomainOutput{ManagedLoginVersion: p.domain.ManagedLoginVersion}, nil
}

// DescribeUserPoolDomain answers an empty description for an unknown domain, as AWS does.
func (f *Fake) DescribeUserPoolDomain(_ context.Context, in *cip.DescribeUserPoolDomainInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolDomainOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id, ok := f.domains[aws.ToString(in.Domain)]
	if !ok {
		return &cip.DescribeUserPoolDomainOutput{DomainDescription: &types.DomainDescriptionType{}}, nil
	}
	return &cip.DescribeUserPoolDomainOutput{DomainDescription: clone(f.pools[id].domain)}, nil
}

// UpdateUserPoolDomain changes the certificate and managed login version only.
func (f *Fake) UpdateUserPoolDomain(_ context.Context, in *cip.UpdateUserPoolDomainInput, _ ...func(*cip.Options)) (*cip.UpdateUserPoolDomainOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if p.domain == nil || aws.ToString(p.domain.Domain) != aws.ToString(in.Domain) {
		return nil, notFound("Domain %s does not exist for this user pool.", aws.ToString(in.Domain))
	}
	if in.CustomDomainConfig != nil {
		p.domain.CustomDomainConfig = clone(in.CustomDomainConfig)
	}
	if in.ManagedLoginVersion != nil {
		p.domain.ManagedLoginVersion = in.ManagedLoginVersion
	}
	return &cip.UpdateUserPoolDomainOutput{}, nil
}

func (f *Fake) DeleteUserPoolDomain(_ context.Context, in *cip.DeleteUserPoolDomainInput, _ ...func(*cip.Options)) (*cip.DeleteUserPoolDomainOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if p.domain == nil || aws.ToString(p.domain.Domain) != aws.ToString(in.Domain) {
		return nil, invalid("No such domain or user pool exists.")
	}
	delete(f.domains, aws.ToString(in.Domain))
	p.domain = nil
	return &cip.DeleteUserPoolDomainOutput{}, nil
}

// addedDetails are the ProviderDetails keys Cognito adds on its own.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html
func addedDetails(typ types.IdentityProviderTypeType, d map[string]string) {
	set := func(k, v string) {
		if _, ok := d[k]; !ok {
			d[k] = v
		}
	}
	switch typ {
	case types.IdentityProviderTypeTypeGoogle:
		set("attributes_url", "https://people.googleapis.com/v1/people/me?personFields=")
		set("attributes_url_add_attributes", "true")
		set("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth")
		set("oidc_issuer", "https://accounts.google.com")
		set("token_request_method", "POST")
		set("token_url", "https://www.googleapis.com/oauth2/v4/token")
	case types.IdentityProviderTypeTypeFacebook, types.IdentityProviderTypeTypeLoginWithAmazon:
		set("attributes_url", "https://example.invalid/me")
		set("attributes_url_add_attributes", "true")
		set("authorize_url", "https://example.invalid/authorize")
		set("token_request_method", "GET")
		set("token_url", "https://example.invalid/token")
	case types.IdentityProviderTypeTypeSignInWithApple:
		set("authorize_url", "https://appleid.apple.com/auth/authorize")
		set("oidc_issuer", "https://appleid.apple.com")
		set("token_url", "https://appleid.apple.com/auth/token")
	case types.IdentityProviderTypeTypeOidc:
		set("attributes_url_add_attributes", "false")
	case types.IdentityProviderTypeTypeSaml:
		set("SSORedirectBindingURI", "https://idp.example.invalid/sso")
		set("ActiveEncryptionCertificate", "MIIfake")
	}
}

var socialTypes = map[types.IdentityProviderTypeType]bool{
	types.IdentityProviderTypeTypeGoogle: true, types.IdentityProviderTypeTypeFacebook: true,
	types.IdentityProviderTypeTypeLoginWithAmazon: true, types.IdentityProviderTypeTypeSignInWithApple: true,
}

func (f *Fake) CreateIdentityProvider(_ context.Context, in *cip.CreateIdentityProviderInput, _ ...func(*cip.Options)) (*cip.CreateIdentityProviderOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	name := aws.ToString(in.ProviderName)
	if _, ok := p.idps[name]; ok {
		return nil, &types.DuplicateProviderException{Message: aws.String("A provider with the name " + name + " already exists in this user pool.")}
	}
	if socialTypes[in.ProviderType] && name != string(in.ProviderType) {
		return nil, invalid("Provider %s cannot be of type %s.", name, in.ProviderType)
	}
	in = clone(in)
	d := map[string]string{}
	for k, v := range in.ProviderDetails {
		d[k] = v
	}
	addedDetails(in.ProviderType, d)
	mapping := map[string]string{}
	for k, v := range in.AttributeMapping {
		mapping[k] = v
	}
	if socialTypes[in.ProviderType] {
		// Social providers get a username mapping whether asked or not.
		if _, ok := mapping["username"]; !ok {
			mapping["username"] = "sub"
		}
	}
	in.AttributeMapping = mapping
	p.idps[name] = &types.IdentityProviderType{ProviderName: in.ProviderName, ProviderType: in.ProviderType, UserPoolId: in.UserPoolId,
		ProviderDetails: d, AttributeMapping: in.AttributeMapping, IdpIdentifiers: in.IdpIdentifiers, CreationDate: aws.Time(epoch), LastModifiedDate: aws.Time(epoch)}
	// The first provider adds the identities attribute to the schema.
	hasIdentities := false
	for _, s := range p.p.SchemaAttributes {
		hasIdentities = hasIdentities || aws.ToString(s.Name) == "identities"
	}
	if !hasIdentities {
		p.p.SchemaAttributes = append(p.p.SchemaAttributes, types.SchemaAttributeType{Name: aws.String("identities"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true), Required: aws.Bool(false), DeveloperOnlyAttribute: aws.Bool(false), StringAttributeConstraints: &types.StringAttributeConstraintsType{}})
	}
	return &cip.CreateIdentityProviderOutput{IdentityProvider: f.describeIdP(p.idps[name])}, nil
}

// describeIdP hides what Cognito never returns: Apple's private_key.
func (f *Fake) describeIdP(i *types.IdentityProviderType) *types.IdentityProviderType {
	out := clone(i)
	delete(out.ProviderDetails, "private_key")
	return out
}

func (f *Fake) idp(poolID, name *string) (*pool, *types.IdentityProviderType, error) {
	p, err := f.get(poolID)
	if err != nil {
		return nil, nil, err
	}
	i, ok := p.idps[aws.ToString(name)]
	if !ok {
		return nil, nil, notFound("Identity provider %s does not exist.", aws.ToString(name))
	}
	return p, i, nil
}

func (f *Fake) DescribeIdentityProvider(_ context.Context, in *cip.DescribeIdentityProviderInput, _ ...func(*cip.Options)) (*cip.DescribeIdentityProviderOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, i, err := f.idp(in.UserPoolId, in.ProviderName)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeIdentityProviderOutput{IdentityProvider: f.describeIdP(i)}, nil
}

func (f *Fake) UpdateIdentityProvider(_ context.Context, in *cip.UpdateIdentityProviderInput, _ ...func(*cip.Options)) (*cip.UpdateIdentityProviderOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, i, err := f.idp(in.UserPoolId, in.ProviderName)
	if err != nil {
		return nil, err
	}
	in = clone(in)
	if in.ProviderDetails != nil {
		d := map[string]string{}
		for k, v := range in.ProviderDetails {
			d[k] = v
		}
		addedDetails(i.ProviderType, d)
		i.ProviderDetails = d
	}
	if in.AttributeMapping != nil {
		i.AttributeMapping = in.AttributeMapping
	}
	if in.IdpIdentifiers != nil {
		i.IdpIdentifiers = in.IdpIdentifiers
	}
	return &cip.UpdateIdentityProviderOutput{IdentityProvider: f.describeIdP(i)}, nil
}

func (f *Fake) DeleteIdentityProvider(_ context.Context, in *cip.DeleteIdentityProviderInput, _ ...func(*cip.Options)) (*cip.DeleteIdentityProviderOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, _, err := f.idp(in.UserPoolId, in.ProviderName)
	if err != nil {
		return nil, err
	}
	delete(p.idps, aws.ToString(in.ProviderName))
	return &cip.DeleteIdentityProviderOutput{}, nil
}

func (f *Fake) ListIdentityProviders(_ context.Context, in *cip.ListIdentityProvidersInput, _ ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := &cip.ListIdentityProvidersOutput{}
	for _, k := range slices.Sorted(maps.Keys(p.idps)) {
		i := p.idps[k]
		out.Providers = append(out.Providers, types.ProviderDescription{ProviderName: i.ProviderName, ProviderType: i.ProviderType})
	}
	return out, nil
}

func (f *Fake) CreateResourceServer(_ context.Context, in *cip.CreateResourceServerInput, _ ...func(*cip.Options)) (*cip.CreateResourceServerOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	id := aws.ToString(in.Identifier)
	if _, ok := p.rs[id]; ok {
		return nil, invalid("%s already exists in user pool %s.", id, aws.ToString(in.UserPoolId))
	}
	rs := &types.ResourceServerType{Identifier: in.Identifier, Name: in.Name, Scopes: clone(in.Scopes), UserPoolId: in.UserPoolId}
	p.rs[id] = rs
	return &cip.CreateResourceServerOutput{ResourceServer: clone(rs)}, nil
}

func (f *Fake) rserver(poolID, id *string) (*pool, *types.ResourceServerType, error) {
	p, err := f.get(poolID)
	if err != nil {
		return nil, nil, err
	}
	rs, ok := p.rs[aws.ToString(id)]
	if !ok {
		return nil, nil, notFound("Resource server %s does not exist.", aws.ToString(id))
	}
	return p, rs, nil
}

func (f *Fake) DescribeResourceServer(_ context.Context, in *cip.DescribeResourceServerInput, _ ...func(*cip.Options)) (*cip.DescribeResourceServerOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, rs, err := f.rserver(in.UserPoolId, in.Identifier)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeResourceServerOutput{ResourceServer: clone(rs)}, nil
}

// UpdateResourceServer replaces the name and the scopes.
func (f *Fake) UpdateResourceServer(_ context.Context, in *cip.UpdateResourceServerInput, _ ...func(*cip.Options)) (*cip.UpdateResourceServerOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, rs, err := f.rserver(in.UserPoolId, in.Identifier)
	if err != nil {
		return nil, err
	}
	rs.Name, rs.Scopes = in.Name, clone(in.Scopes)
	return &cip.UpdateResourceServerOutput{ResourceServer: clone(rs)}, nil
}

func (f *Fake) DeleteResourceServer(_ context.Context, in *cip.DeleteResourceServerInput, _ ...func(*cip.Options)) (*cip.DeleteResourceServerOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, _, err := f.rserver(in.UserPoolId, in.Identifier)
	if err != nil {
		return nil, err
	}
	delete(p.rs, aws.ToString(in.Identifier))
	return &cip.DeleteResourceServerOutput{}, nil
}

func (f *Fake) ListResourceServers(_ context.Context, in *cip.ListResourceServersInput, _ ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := &cip.ListResourceServersOutput{}
	for _, k := range slices.Sorted(maps.Keys(p.rs)) {
		out.ResourceServers = append(out.ResourceServers, *clone(p.rs[k]))
	}
	return out, nil
}
