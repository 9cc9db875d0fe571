package cognitofake

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/awsfake"
)

func (f *Fake) registerClients(sv *awsfake.Service) {
	awsfake.Op(sv, "CreateUserPoolClient", f.createUserPoolClient)
	awsfake.Op(sv, "DescribeUserPoolClient", f.describeUserPoolClient)
	awsfake.Op(sv, "UpdateUserPoolClient", f.updateUserPoolClient)
	awsfake.Op(sv, "DeleteUserPoolClient", f.deleteUserPoolClient)
	awsfake.Op(sv, "ListUserPoolClients", f.listUserPoolClients)
}

func (f *Fake) registerResources(sv *awsfake.Service) {
	awsfake.Op(sv, "CreateGroup", f.createGroup)
	awsfake.Op(sv, "GetGroup", f.getGroup)
	awsfake.Op(sv, "UpdateGroup", f.updateGroup)
	awsfake.Op(sv, "DeleteGroup", f.deleteGroup)
	awsfake.Op(sv, "ListGroups", f.listGroups)
	awsfake.Op(sv, "CreateUserPoolDomain", f.createUserPoolDomain)
	awsfake.Op(sv, "DescribeUserPoolDomain", f.describeUserPoolDomain)
	awsfake.Op(sv, "UpdateUserPoolDomain", f.updateUserPoolDomain)
	awsfake.Op(sv, "DeleteUserPoolDomain", f.deleteUserPoolDomain)
	awsfake.Op(sv, "CreateIdentityProvider", f.createIdentityProvider)
	awsfake.Op(sv, "DescribeIdentityProvider", f.describeIdentityProvider)
	awsfake.Op(sv, "UpdateIdentityProvider", f.updateIdentityProvider)
	awsfake.Op(sv, "DeleteIdentityProvider", f.deleteIdentityProvider)
	awsfake.Op(sv, "ListIdentityProviders", f.listIdentityProviders)
	awsfake.Op(sv, "CreateResourceServer", f.createResourceServer)
	awsfake.Op(sv, "DescribeResourceServer", f.describeResourceServer)
	awsfake.Op(sv, "UpdateResourceServer", f.updateResourceServer)
	awsfake.Op(sv, "DeleteResourceServer", f.deleteResourceServer)
	awsfake.Op(sv, "ListResourceServers", f.listResourceServers)
}

// childID is the store id of a resource named name inside a pool: group,
// identity provider and resource server names are unique per pool only.
func childID(poolID *string, name *string) string {
	return aws.ToString(poolID) + "/" + aws.ToString(name)
}

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
		WriteAttributes: in.WriteAttributes,
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
func (f *Fake) checkClient(poolID string, c *types.UserPoolClientType) error {
	s := f.store()
	for _, name := range c.SupportedIdentityProviders {
		if name == "COGNITO" {
			continue
		}
		if _, ok := s.Get(typeIdP, poolID+"/"+name); !ok {
			return invalid("The provider %s does not exist for User Pool %s", name, poolID)
		}
	}
	builtin := map[string]bool{"openid": true, "email": true, "phone": true, "profile": true, "aws.cognito.signin.user.admin": true}
	for _, sc := range c.AllowedOAuthScopes {
		if builtin[sc] {
			continue
		}
		i := strings.LastIndex(sc, "/")
		ok := false
		if i > 0 {
			if it, found := s.Get(typeRS, poolID+"/"+sc[:i]); found {
				for _, x := range it.Value.(*types.ResourceServerType).Scopes {
					ok = ok || aws.ToString(x.ScopeName) == sc[i+1:]
				}
			}
		}
		if !ok {
			return awsfake.Errorf("ScopeDoesNotExistException", "Invalid scope requested: %s", sc)
		}
	}
	if aws.ToBool(c.AllowedOAuthFlowsUserPoolClient) {
		for _, fl := range c.AllowedOAuthFlows {
			if (fl == types.OAuthFlowTypeCode || fl == types.OAuthFlowTypeImplicit) && len(c.CallbackURLs) == 0 {
				return awsfake.Errorf("InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected")
			}
		}
	}
	return nil
}

func (f *Fake) createUserPoolClient(in *cip.CreateUserPoolClientInput) (*cip.CreateUserPoolClientOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	n := s.Next()
	id := fmt.Sprintf("fakeclient%04d", n)
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
	if err := f.checkClient(it.ID, &c); err != nil {
		return nil, err
	}
	now := s.Now()
	c.CreationDate, c.LastModifiedDate = aws.Time(now), aws.Time(now)
	if in.GenerateSecret {
		c.ClientSecret = aws.String(fmt.Sprintf("fakesecret%04dfakesecretfakesecret", n))
	}
	s.Put(&awsfake.Item{Type: typeClient, ID: id, Parent: it.ID, Value: &c})
	return &cip.CreateUserPoolClientOutput{UserPoolClient: &c}, nil
}

func (f *Fake) client(poolID, clientID *string) (*types.UserPoolClientType, error) {
	if _, _, err := f.pool(poolID); err != nil {
		return nil, err
	}
	it, ok := f.store().Get(typeClient, aws.ToString(clientID))
	if !ok || it.Parent != aws.ToString(poolID) {
		return nil, notFound("User pool client %s does not exist.", aws.ToString(clientID))
	}
	return it.Value.(*types.UserPoolClientType), nil
}

func (f *Fake) describeUserPoolClient(in *cip.DescribeUserPoolClientInput) (*cip.DescribeUserPoolClientOutput, error) {
	c, err := f.client(in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeUserPoolClientOutput{UserPoolClient: c}, nil
}

// updateUserPoolClient resets what it is not sent, like AWS (cognito-local merges).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html
func (f *Fake) updateUserPoolClient(in *cip.UpdateUserPoolClientInput) (*cip.UpdateUserPoolClientOutput, error) {
	old, err := f.client(in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	c := clientFromUpdate(in)
	if c.ClientName == nil {
		c.ClientName = old.ClientName
	}
	c.ClientSecret = old.ClientSecret
	c.CreationDate, c.LastModifiedDate = old.CreationDate, aws.Time(f.store().Now())
	if err := f.checkClient(aws.ToString(in.UserPoolId), &c); err != nil {
		return nil, err
	}
	*old = c
	return &cip.UpdateUserPoolClientOutput{UserPoolClient: &c}, nil
}

func (f *Fake) deleteUserPoolClient(in *cip.DeleteUserPoolClientInput) (*cip.DeleteUserPoolClientOutput, error) {
	if _, err := f.client(in.UserPoolId, in.ClientId); err != nil {
		return nil, err
	}
	f.store().Delete(typeClient, aws.ToString(in.ClientId))
	return &cip.DeleteUserPoolClientOutput{}, nil
}

func (f *Fake) listUserPoolClients(in *cip.ListUserPoolClientsInput) (*cip.ListUserPoolClientsOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := &cip.ListUserPoolClientsOutput{}
	for _, ci := range f.store().List(typeClient, it.ID) {
		c := ci.Value.(*types.UserPoolClientType)
		out.UserPoolClients = append(out.UserPoolClients, types.UserPoolClientDescription{ClientId: c.ClientId, ClientName: c.ClientName, UserPoolId: c.UserPoolId})
	}
	return out, nil
}

// createGroup refuses a name that exists (cognito-local overwrites it).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html
func (f *Fake) createGroup(in *cip.CreateGroupInput) (*cip.CreateGroupOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	id := childID(in.UserPoolId, in.GroupName)
	if _, ok := s.Get(typeGroup, id); ok {
		return nil, awsfake.Errorf("GroupExistsException", "A group with the name %s already exists.", aws.ToString(in.GroupName))
	}
	now := s.Now()
	g := &types.GroupType{GroupName: in.GroupName, UserPoolId: in.UserPoolId, Description: in.Description, Precedence: in.Precedence, RoleArn: in.RoleArn, CreationDate: aws.Time(now), LastModifiedDate: aws.Time(now)}
	s.Put(&awsfake.Item{Type: typeGroup, ID: id, Parent: it.ID, Value: g})
	return &cip.CreateGroupOutput{Group: g}, nil
}

func (f *Fake) group(poolID, name *string) (*types.GroupType, error) {
	return child[*types.GroupType](f, typeGroup, poolID, name, notFound("Group not found."))
}

func (f *Fake) getGroup(in *cip.GetGroupInput) (*cip.GetGroupOutput, error) {
	g, err := f.group(in.UserPoolId, in.GroupName)
	if err != nil {
		return nil, err
	}
	return &cip.GetGroupOutput{Group: g}, nil
}

// updateGroup: members left out are cleared.
func (f *Fake) updateGroup(in *cip.UpdateGroupInput) (*cip.UpdateGroupOutput, error) {
	g, err := f.group(in.UserPoolId, in.GroupName)
	if err != nil {
		return nil, err
	}
	g.Description, g.Precedence, g.RoleArn = in.Description, in.Precedence, in.RoleArn
	return &cip.UpdateGroupOutput{Group: g}, nil
}

func (f *Fake) deleteGroup(in *cip.DeleteGroupInput) (*cip.DeleteGroupOutput, error) {
	if _, err := f.group(in.UserPoolId, in.GroupName); err != nil {
		return nil, err
	}
	f.store().Delete(typeGroup, childID(in.UserPoolId, in.GroupName))
	return &cip.DeleteGroupOutput{}, nil
}

func (f *Fake) listGroups(in *cip.ListGroupsInput) (*cip.ListGroupsOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	byName := map[string]types.GroupType{}
	for _, gi := range f.store().List(typeGroup, it.ID) {
		g := gi.Value.(*types.GroupType)
		byName[aws.ToString(g.GroupName)] = *g
	}
	out := &cip.ListGroupsOutput{}
	for _, k := range slices.Sorted(maps.Keys(byName)) {
		out.Groups = append(out.Groups, byName[k])
	}
	return out, nil
}

// poolDomain is the domain of a pool, if it has one.
func (f *Fake) poolDomain(poolID string) *types.DomainDescriptionType {
	for _, it := range f.store().List(typeDomain, poolID) {
		return it.Value.(*types.DomainDescriptionType)
	}
	return nil
}

// createUserPoolDomain: prefixes are global across accounts and may not
// hold reserved words; a pool has one domain.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html
func (f *Fake) createUserPoolDomain(in *cip.CreateUserPoolDomainInput) (*cip.CreateUserPoolDomainOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	name := aws.ToString(in.Domain)
	if _, taken := s.Get(typeDomain, name); taken {
		return nil, invalid("Domain already associated with another user pool.")
	}
	if f.poolDomain(it.ID) != nil {
		return nil, invalid("User pool already has a domain configured.")
	}
	for _, w := range []string{"aws", "amazon", "cognito"} {
		if in.CustomDomainConfig == nil && strings.Contains(name, w) {
			return nil, invalid("Domain cannot contain reserved word: %s", w)
		}
	}
	d := &types.DomainDescriptionType{Domain: in.Domain, UserPoolId: in.UserPoolId, AWSAccountId: aws.String(f.Account), Status: types.DomainStatusTypeActive,
		CustomDomainConfig: in.CustomDomainConfig, ManagedLoginVersion: in.ManagedLoginVersion}
	if d.ManagedLoginVersion == nil {
		d.ManagedLoginVersion = aws.Int32(1)
	}
	s.Put(&awsfake.Item{Type: typeDomain, ID: name, Parent: it.ID, Value: d})
	return &cip.CreateUserPoolDomainOutput{ManagedLoginVersion: d.ManagedLoginVersion}, nil
}

// describeUserPoolDomain answers an empty description for an unknown
// domain, as AWS does.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolDomain.html
func (f *Fake) describeUserPoolDomain(in *cip.DescribeUserPoolDomainInput) (*cip.DescribeUserPoolDomainOutput, error) {
	it, ok := f.store().Get(typeDomain, aws.ToString(in.Domain))
	if !ok {
		return &cip.DescribeUserPoolDomainOutput{DomainDescription: &types.DomainDescriptionType{}}, nil
	}
	return &cip.DescribeUserPoolDomainOutput{DomainDescription: it.Value.(*types.DomainDescriptionType)}, nil
}

// updateUserPoolDomain changes the certificate and managed login version only.
func (f *Fake) updateUserPoolDomain(in *cip.UpdateUserPoolDomainInput) (*cip.UpdateUserPoolDomainOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	d := f.poolDomain(it.ID)
	if d == nil || aws.ToString(d.Domain) != aws.ToString(in.Domain) {
		return nil, notFound("Domain %s does not exist for this user pool.", aws.ToString(in.Domain))
	}
	if in.CustomDomainConfig != nil {
		d.CustomDomainConfig = in.CustomDomainConfig
	}
	if in.ManagedLoginVersion != nil {
		d.ManagedLoginVersion = in.ManagedLoginVersion
	}
	return &cip.UpdateUserPoolDomainOutput{}, nil
}

func (f *Fake) deleteUserPoolDomain(in *cip.DeleteUserPoolDomainInput) (*cip.DeleteUserPoolDomainOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	d := f.poolDomain(it.ID)
	if d == nil || aws.ToString(d.Domain) != aws.ToString(in.Domain) {
		return nil, invalid("No such domain or user pool exists.")
	}
	f.store().Delete(typeDomain, aws.ToString(in.Domain))
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

func (f *Fake) createIdentityProvider(in *cip.CreateIdentityProviderInput) (*cip.CreateIdentityProviderOutput, error) {
	it, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	name := aws.ToString(in.ProviderName)
	id := childID(in.UserPoolId, in.ProviderName)
	if _, ok := s.Get(typeIdP, id); ok {
		return nil, awsfake.Errorf("DuplicateProviderException", "A provider with the name %s already exists in this user pool.", name)
	}
	if socialTypes[in.ProviderType] && name != string(in.ProviderType) {
		return nil, invalid("Provider %s cannot be of type %s.", name, in.ProviderType)
	}
	d := maps.Clone(in.ProviderDetails)
	if d == nil {
		d = map[string]string{}
	}
	addedDetails(in.ProviderType, d)
	mapping := maps.Clone(in.AttributeMapping)
	if mapping == nil {
		mapping = map[string]string{}
	}
	if socialTypes[in.ProviderType] {
		// Social providers get a username mapping whether asked or not.
		if _, ok := mapping["username"]; !ok {
			mapping["username"] = "sub"
		}
	}
	now := s.Now()
	p := &types.IdentityProviderType{ProviderName: in.ProviderName, ProviderType: in.ProviderType, UserPoolId: in.UserPoolId,
		ProviderDetails: d, AttributeMapping: mapping, IdpIdentifiers: in.IdpIdentifiers, CreationDate: aws.Time(now), LastModifiedDate: aws.Time(now)}
	s.Put(&awsfake.Item{Type: typeIdP, ID: id, Parent: it.ID, Value: p})
	// The first provider adds the identities attribute to the schema.
	has := false
	for _, a := range r.p.SchemaAttributes {
		has = has || aws.ToString(a.Name) == "identities"
	}
	if !has {
		r.p.SchemaAttributes = append(r.p.SchemaAttributes, types.SchemaAttributeType{Name: aws.String("identities"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true), Required: aws.Bool(false), DeveloperOnlyAttribute: aws.Bool(false), StringAttributeConstraints: &types.StringAttributeConstraintsType{}})
	}
	return &cip.CreateIdentityProviderOutput{IdentityProvider: describeIdP(p)}, nil
}

// describeIdP hides what Cognito never returns: Apple's private_key.
func describeIdP(i *types.IdentityProviderType) *types.IdentityProviderType {
	out := *i
	out.ProviderDetails = maps.Clone(i.ProviderDetails)
	delete(out.ProviderDetails, "private_key")
	return &out
}

func (f *Fake) idp(poolID, name *string) (*types.IdentityProviderType, error) {
	return child[*types.IdentityProviderType](f, typeIdP, poolID, name, notFound("Identity provider %s does not exist.", aws.ToString(name)))
}

func (f *Fake) describeIdentityProvider(in *cip.DescribeIdentityProviderInput) (*cip.DescribeIdentityProviderOutput, error) {
	i, err := f.idp(in.UserPoolId, in.ProviderName)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeIdentityProviderOutput{IdentityProvider: describeIdP(i)}, nil
}

func (f *Fake) updateIdentityProvider(in *cip.UpdateIdentityProviderInput) (*cip.UpdateIdentityProviderOutput, error) {
	i, err := f.idp(in.UserPoolId, in.ProviderName)
	if err != nil {
		return nil, err
	}
	if in.ProviderDetails != nil {
		d := maps.Clone(in.ProviderDetails)
		addedDetails(i.ProviderType, d)
		i.ProviderDetails = d
	}
	if in.AttributeMapping != nil {
		i.AttributeMapping = in.AttributeMapping
	}
	if in.IdpIdentifiers != nil {
		i.IdpIdentifiers = in.IdpIdentifiers
	}
	return &cip.UpdateIdentityProviderOutput{IdentityProvider: describeIdP(i)}, nil
}

func (f *Fake) deleteIdentityProvider(in *cip.DeleteIdentityProviderInput) (*cip.DeleteIdentityProviderOutput, error) {
	if _, err := f.idp(in.UserPoolId, in.ProviderName); err != nil {
		return nil, err
	}
	f.store().Delete(typeIdP, childID(in.UserPoolId, in.ProviderName))
	return &cip.DeleteIdentityProviderOutput{}, nil
}

func (f *Fake) listIdentityProviders(in *cip.ListIdentityProvidersInput) (*cip.ListIdentityProvidersOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	byName := map[string]types.ProviderDescription{}
	for _, pi := range f.store().List(typeIdP, it.ID) {
		p := pi.Value.(*types.IdentityProviderType)
		byName[aws.ToString(p.ProviderName)] = types.ProviderDescription{ProviderName: p.ProviderName, ProviderType: p.ProviderType}
	}
	out := &cip.ListIdentityProvidersOutput{}
	for _, k := range slices.Sorted(maps.Keys(byName)) {
		out.Providers = append(out.Providers, byName[k])
	}
	return out, nil
}

func (f *Fake) createResourceServer(in *cip.CreateResourceServerInput) (*cip.CreateResourceServerOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	id := childID(in.UserPoolId, in.Identifier)
	if _, ok := s.Get(typeRS, id); ok {
		return nil, invalid("%s already exists in user pool %s.", aws.ToString(in.Identifier), aws.ToString(in.UserPoolId))
	}
	rs := &types.ResourceServerType{Identifier: in.Identifier, Name: in.Name, Scopes: in.Scopes, UserPoolId: in.UserPoolId}
	s.Put(&awsfake.Item{Type: typeRS, ID: id, Parent: it.ID, Value: rs})
	return &cip.CreateResourceServerOutput{ResourceServer: rs}, nil
}

func (f *Fake) rserver(poolID, identifier *string) (*types.ResourceServerType, error) {
	return child[*types.ResourceServerType](f, typeRS, poolID, identifier, notFound("Resource server %s does not exist.", aws.ToString(identifier)))
}

func (f *Fake) describeResourceServer(in *cip.DescribeResourceServerInput) (*cip.DescribeResourceServerOutput, error) {
	rs, err := f.rserver(in.UserPoolId, in.Identifier)
	if err != nil {
		return nil, err
	}
	return &cip.DescribeResourceServerOutput{ResourceServer: rs}, nil
}

// updateResourceServer replaces the name and the scopes.
func (f *Fake) updateResourceServer(in *cip.UpdateResourceServerInput) (*cip.UpdateResourceServerOutput, error) {
	rs, err := f.rserver(in.UserPoolId, in.Identifier)
	if err != nil {
		return nil, err
	}
	rs.Name, rs.Scopes = in.Name, in.Scopes
	return &cip.UpdateResourceServerOutput{ResourceServer: rs}, nil
}

func (f *Fake) deleteResourceServer(in *cip.DeleteResourceServerInput) (*cip.DeleteResourceServerOutput, error) {
	if _, err := f.rserver(in.UserPoolId, in.Identifier); err != nil {
		return nil, err
	}
	f.store().Delete(typeRS, childID(in.UserPoolId, in.Identifier))
	return &cip.DeleteResourceServerOutput{}, nil
}

func (f *Fake) listResourceServers(in *cip.ListResourceServersInput) (*cip.ListResourceServersOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	byID := map[string]types.ResourceServerType{}
	for _, ri := range f.store().List(typeRS, it.ID) {
		rs := ri.Value.(*types.ResourceServerType)
		byID[aws.ToString(rs.Identifier)] = *rs
	}
	out := &cip.ListResourceServersOutput{}
	for _, k := range slices.Sorted(maps.Keys(byID)) {
		out.ResourceServers = append(out.ResourceServers, byID[k])
	}
	return out, nil
}
