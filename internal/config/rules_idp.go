package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// ProviderClaims maps, for each social provider, a pool attribute to the
// provider's claim that supplies it (Amplify's mapping table). A required
// attribute missing here cannot be supplied by that provider.
var ProviderClaims = map[string]map[string]string{
	IdPFacebook: {
		"birthdate": "birthday", "email": "email", "family_name": "last_name", "gender": "gender",
		"given_name": "first_name", "middle_name": "middle_name", "name": "name", "picture": "picture",
		"updated_at": "updated_at", "username": "id",
	},
	IdPGoogle: {
		"birthdate": "birthdays", "email": "email", "family_name": "family_name", "gender": "genders",
		"given_name": "given_name", "name": "name", "phone_number": "phoneNumbers", "picture": "picture",
		"username": "sub",
	},
	IdPAmazon: {
		"email": "email", "locale": "postal_code", "name": "name", "username": "user_id",
	},
	IdPApple: {
		"email": "email", "family_name": "lastName", "given_name": "firstName", "name": "name",
	},
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html
func (v *validator) identityProviders() {
	names := map[string]bool{}
	for i := range v.c.IdentityProviders {
		ip := &v.c.IdentityProviders[i]
		p := fmt.Sprintf("identity_providers[%d]", i)
		if !v.oneOf(p+".type", ip.Type, IdentityProviderTypes, false) {
			continue
		}
		social := slices.Contains(SocialProviderTypes, ip.Type)
		if social {
			// Social providers must be named after their type, so there is at
			// most one of each: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-social-idp.html
			if ip.Name != "" && ip.Name != ip.Type {
				v.errorf(p+".name", "remove name, or write name: "+ip.Type, "a %s provider must be named %s", ip.Type, ip.Type)
			}
			if !unique(names, ip.Type) {
				v.errorf(p+".type", "keep one "+ip.Type+" provider", "a pool can have only one %s provider", ip.Type)
			}
		} else if v.value(p+".name", "provider_name", ip.Name) {
			reserved := ip.Name == "COGNITO" || slices.Contains(SocialProviderTypes, ip.Name)
			if reserved {
				v.errorf(p+".name", "pick another name, e.g. My"+ip.Type, "provider name %s is reserved", ip.Name)
			} else if !unique(names, ip.Name) {
				v.errorf(p+".name", "give each provider its own name", "provider name %s is used twice", ip.Name)
			}
		}
		v.providerDetails(p, ip)
		v.attributeMapping(p, ip)
	}
	v.unusedProviders()
}

func (v *validator) providerDetails(p string, ip *IdentityProvider) {
	owner := ip.ProviderName()
	switch ip.Type {
	case IdPSAML:
		if ip.MetadataURL == "" {
			v.errorf(p+".metadata_url", "add metadata_url: your IdP's SAML metadata URL", "SAML provider needs metadata_url")
		} else {
			v.value(p+".metadata_url", "https_url", ip.MetadataURL)
		}
	default:
		v.reference(p+".client_id", "required", ip.ClientID)
	}
	switch ip.Type {
	case IdPGoogle, IdPFacebook, IdPAmazon, IdPOIDC:
		if ip.ClientSecret == "" {
			env := SecretEnvName(owner, "client_secret")
			v.errorf(p+".client_secret", fmt.Sprintf(`write client_secret: "%s" and export %s=...`, SecretRef(env), env),
				"%s provider needs client_secret", ip.Type)
		}
	case IdPApple:
		v.reference(p+".team_id", "required", ip.TeamID)
		v.reference(p+".key_id", "required", ip.KeyID)
		if ip.PrivateKey == "" {
			env := SecretEnvName(owner, "private_key")
			v.errorf(p+".private_key", fmt.Sprintf(`write private_key: "%s" and export %s=...`, SecretRef(env), env),
				"SignInWithApple provider needs private_key")
		}
	}
	v.secret(p+".client_secret", owner, ip.ClientSecret)
	v.secret(p+".private_key", owner, ip.PrivateKey)
	if ip.Type == IdPOIDC {
		if ip.OIDCIssuer == "" {
			v.errorf(p+".oidc_issuer", "add oidc_issuer: the issuer URL, e.g. https://login.example.com", "OIDC provider needs oidc_issuer")
		} else {
			v.value(p+".oidc_issuer", "https_url", ip.OIDCIssuer)
		}
		v.oneOf(p+".attributes_request_method", ip.AttributesRequestMethod, AttributesRequestMethods, true)
	}
	if ip.Type == IdPFacebook {
		v.optional(p+".api_version", "facebook_api_version", ip.APIVersion)
	}
	if len(ip.Identifiers) > MaxIdpIdentifiers {
		v.errorf(p+".identifiers", "remove some", "a provider can have at most %d identifiers", MaxIdpIdentifiers)
	}
	for i, id := range ip.Identifiers {
		v.value(fmt.Sprintf("%s.identifiers[%d]", p, i), "idp_identifier", id)
	}
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html
func (v *validator) attributeMapping(p string, ip *IdentityProvider) {
	name := ip.ProviderName()
	keys := make([]string, 0, len(ip.AttributeMapping))
	for k := range ip.AttributeMapping {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kp := p + ".attribute_mapping." + k
		if k == "username" || slices.Contains(VerifiedFlagAttributes, k) {
			continue
		}
		if !v.attributeKnown(k) {
			v.errorf(kp, v.attributeHint(k), "attribute_mapping key %q is not a pool attribute", k)
			continue
		}
		// Cognito rewrites mapped attributes at every sign-in, so they must be mutable.
		if ca, ok := v.custom[strings.TrimPrefix(k, "custom:")]; ok && strings.HasPrefix(k, "custom:") && ca.Mutable != nil && !*ca.Mutable {
			v.errorf(kp, "set mutable: true on the attribute (only possible before the pool exists), or stop mapping it",
				"mapped attribute %s is immutable; Cognito must update it at every sign-in", k)
		}
		for ci, ac := range v.c.AppClients {
			if ac.OAuth == nil || !slices.Contains(ac.OAuth.IdentityProviders, name) || len(ac.WriteAttributes) == 0 {
				continue
			}
			if !slices.Contains(ac.WriteAttributes, k) {
				v.errorf(kp, fmt.Sprintf("add %s to app_clients[%d].write_attributes", k, ci),
					"mapped attribute %s is not writable by app client %s, which signs in with %s", k, ac.Name, name)
			}
		}
	}
	claims := ProviderClaims[ip.Type]
	for _, r := range v.c.UserPool.Attributes.Required {
		if _, ok := ip.AttributeMapping[r]; ok || !slices.Contains(StandardAttributes, r) {
			continue
		}
		if claims == nil {
			v.warnf(p+".attribute_mapping", fmt.Sprintf("add attribute_mapping: { %s: <claim> }", r),
				"required attribute %s is not mapped for %s; its users cannot sign up", r, name)
		} else if claim, ok := claims[r]; ok {
			v.warnf(p+".attribute_mapping", fmt.Sprintf("add attribute_mapping: { %s: %s }", r, claim),
				"required attribute %s is not mapped for %s; its users cannot sign up", r, name)
		} else {
			v.warnf(p+".attribute_mapping", fmt.Sprintf("remove %s from the providers, or stop requiring %s (only possible before the pool exists)", name, r),
				"%s cannot supply required attribute %s; its users cannot sign up", name, r)
		}
	}
}

// unusedProviders warns about a provider no app client offers.
func (v *validator) unusedProviders() {
	used := map[string]bool{}
	for _, ac := range v.c.AppClients {
		if ac.OAuth != nil {
			for _, n := range ac.OAuth.IdentityProviders {
				used[n] = true
			}
		}
	}
	for i, ip := range v.c.IdentityProviders {
		name := ip.ProviderName()
		if name != "" && slices.Contains(IdentityProviderTypes, ip.Type) && !used[name] {
			v.warnf(fmt.Sprintf("identity_providers[%d]", i), "add "+name+" to an app client's oauth.identity_providers",
				"no app client offers provider %s", name)
		}
	}
}

func (v *validator) identityPool() {
	ip := v.c.IdentityPool
	if ip == nil {
		return
	}
	v.value("identity_pool.name", "identity_pool_name", ip.Name)
	seen := map[string]bool{}
	for i, pr := range ip.Providers {
		p := fmt.Sprintf("identity_pool.providers[%d]", i)
		if v.oneOf(p+".type", pr.Type, IdentityPoolProviderTypes, false) && !unique(seen, pr.Type) {
			v.errorf(p+".type", "keep one "+pr.Type+" entry", "identity pool provider %s is listed twice", pr.Type)
		}
		v.value(p+".app_id", "required", pr.AppID)
	}
	clients := map[string]bool{}
	for _, c := range v.c.AppClients {
		clients[c.Name] = true
	}
	for i, name := range ip.AppClients {
		if !clients[name] {
			v.errorf(fmt.Sprintf("identity_pool.app_clients[%d]", i), "name a client declared under app_clients",
				"app client %q is not declared under app_clients", name)
		}
	}
	if n := len(v.c.IdentityPoolClients()); v.c.EffectiveRoleMapping() == RoleMappingToken && n > 10 {
		// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
		v.errorf("identity_pool.app_clients", "list at most 10 clients under identity_pool.app_clients, or set role_mapping: none",
			"token role mapping takes one entry per app client and an identity pool holds at most 10; the pool trusts %d", n)
	}
	v.oneOf("identity_pool.role_mapping", ip.RoleMapping, RoleMappings, true)
	v.oneOf("identity_pool.ambiguous_role_resolution", ip.AmbiguousRoleResolution, AmbiguousRoleResolutions, true)
	if ip.DeveloperProviderName != "" && !DeveloperProviderPattern().MatchString(ip.DeveloperProviderName) {
		v.errorf("identity_pool.developer_provider_name", "use 1–128 letters, digits, . _ or -, e.g. login.myapp",
			"developer_provider_name %q is not a valid developer provider name", ip.DeveloperProviderName)
	}
	for _, p := range []struct {
		path string
		list []string
		what string
	}{
		{"identity_pool.openid_connect_provider_arns", ip.OpenIDConnectProviderARNs, "oidc-provider"},
		{"identity_pool.saml_provider_arns", ip.SAMLProviderARNs, "saml-provider"},
	} {
		for i, arn := range p.list {
			if !strings.HasPrefix(arn, "arn:") || !strings.Contains(arn, ":"+p.what+"/") {
				v.errorf(fmt.Sprintf("%s[%d]", p.path, i), "use the ARN IAM shows, e.g. arn:aws:iam::123456789012:"+p.what+"/example.com",
					"%q is not an IAM %s ARN", arn, p.what)
			}
		}
	}
	for _, r := range []struct {
		path string
		r    *IdentityPoolRole
	}{{"identity_pool.authenticated_role", ip.AuthenticatedRole}, {"identity_pool.unauthenticated_role", ip.UnauthenticatedRole}} {
		if r.r != nil && r.r.ARN != "" && r.r.Name != "" {
			v.warnf(r.path+".name", "remove name, or remove arn to let cogwiz create the role",
				"ignored: arn names an existing role, which cogwiz uses as it is")
		}
	}
	roles := map[string]string{}
	for _, r := range v.c.IdentityRoles() {
		path := identityRolePath(r)
		if r.ARN != "" {
			if !RoleARNPattern().MatchString(r.ARN) {
				v.errorf(path+".arn", "use the role's ARN, e.g. arn:aws:iam::123456789012:role/MyRole",
					"%q is not an IAM role ARN", r.ARN)
			}
			if len(r.ManagedPolicyARNs) > 0 {
				v.warnf(path+".managed_policy_arns", "attach policies to an existing role yourself, or remove arn to let cogwiz create the role",
					"ignored: cogwiz never changes a role named by arn")
			}
			continue
		}
		if len(r.Name) > 64 || !RoleNamePattern().MatchString(r.Name) {
			hint, at := "set "+path+".name to at most 64 letters, digits or + = , . @ _ -", path+".name"
			if r.Group != "" {
				hint, at = "shorten resource_name or the group's name, give the group a role_arn, or set identity_pool.group_roles: false", path
			}
			v.errorf(at, hint, "role name %q is not a valid IAM role name (1–64 letters, digits or + = , . @ _ -)", r.Name)
		}
		if other, dup := roles[r.Name]; dup {
			v.errorf(path+".name", "give each role its own name", "role name %q is used by %s too", r.Name, other)
		}
		roles[r.Name] = path
		for i, arn := range r.ManagedPolicyARNs {
			if !PolicyARNPattern().MatchString(arn) {
				v.errorf(fmt.Sprintf("%s.managed_policy_arns[%d]", path, i), "use a managed policy ARN, e.g. arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
					"%q is not an IAM managed policy ARN", arn)
			}
		}
	}
}

// identityRolePath is where a role is written in the file (group roles
// have no key of their own: they follow the group).
func identityRolePath(r IdentityRole) string {
	switch r.Key {
	case IdentityRoleAuth:
		return "identity_pool.authenticated_role"
	case IdentityRoleUnauth:
		return "identity_pool.unauthenticated_role"
	}
	return "identity_pool.group_roles"
}

func (v *validator) adminQueries() {
	aq := v.c.AdminQueries
	if aq == nil || aq.Group == "" {
		return
	}
	if !v.groups[aq.Group] {
		v.warnf("admin_queries.group", "declare it under user_pool.groups, or pick a declared group",
			"group %q is not declared under user_pool.groups", aq.Group)
	}
}
