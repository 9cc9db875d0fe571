package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
func (v *validator) appClients() {
	seen := map[string]bool{}
	for i := range v.c.AppClients {
		ac := &v.c.AppClients[i]
		p := fmt.Sprintf("app_clients[%d]", i)
		if v.value(p+".name", "client_name", ac.Name) && !unique(seen, ac.Name) {
			v.errorf(p+".name", "rename one of them; apply finds clients by name", "app client %s is declared twice", ac.Name)
		}
		v.optional(p+".id", "app_client_id", ac.ID)
		v.tokenValidity(p+".token_validity", ac.TokenValidity)
		v.authFlows(p+".auth_flows", ac.AuthFlows)
		v.clientAttributes(p, ac)
		v.oauth(p+".oauth", ac)
	}
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
func (v *validator) tokenValidity(p string, tv *TokenValidity) {
	if tv == nil {
		return
	}
	check := func(key string, d Duration, lo, hi int64, span string) {
		if d.IsZero() {
			return
		}
		if s := d.Seconds(); s < lo || s > hi {
			v.errorf(p+"."+key, "use "+span, "%s token validity %s is out of range", key, d)
		}
	}
	check("access", tv.Access, minAccessTokenSeconds, maxAccessTokenSeconds, "5m to 1d, e.g. 1h")
	check("id", tv.ID, minAccessTokenSeconds, maxAccessTokenSeconds, "5m to 1d, e.g. 1h")
	check("refresh", tv.Refresh, minRefreshTokenSeconds, maxRefreshTokenSeconds, "60m to 3650d, e.g. 30d")
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows
func (v *validator) authFlows(p string, flows []string) {
	allowed := append(slices.Clone(ValidAuthFlows), LegacyAuthFlows...)
	v.set(p, flows, allowed)
	var legacy, modern bool
	for _, f := range flows {
		legacy = legacy || slices.Contains(LegacyAuthFlows, f)
		modern = modern || strings.HasPrefix(f, "ALLOW_")
	}
	if legacy && modern {
		v.errorf(p, "replace the legacy values with ALLOW_ ones, e.g. USER_PASSWORD_AUTH → ALLOW_USER_PASSWORD_AUTH",
			"legacy auth flows (%s) cannot be mixed with ALLOW_ flows", strings.Join(LegacyAuthFlows, ", "))
	}
	if slices.Contains(flows, "ALLOW_USER_AUTH") {
		v.needsPlan(p, "ALLOW_USER_AUTH (choice-based sign-in)")
	}
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
func (v *validator) clientAttributes(p string, ac *AppClient) {
	for i, a := range ac.ReadAttributes {
		if !v.attributeKnown(a) && !slices.Contains(VerifiedFlagAttributes, a) {
			v.errorf(fmt.Sprintf("%s.read_attributes[%d]", p, i), v.attributeHint(a), "read attribute %q is not a pool attribute", a)
		}
	}
	for i, a := range ac.WriteAttributes {
		if !v.attributeKnown(a) {
			v.errorf(fmt.Sprintf("%s.write_attributes[%d]", p, i), v.attributeHint(a), "write attribute %q is not a pool attribute", a)
		}
	}
	if len(ac.WriteAttributes) == 0 {
		return
	}
	for _, r := range v.c.UserPool.Attributes.Required {
		if slices.Contains(StandardAttributes, r) && !slices.Contains(ac.WriteAttributes, r) {
			v.errorf(p+".write_attributes", "add "+r+" to write_attributes, or leave write_attributes empty (all)",
				"required attribute %s is not writable by this client, so users could never sign up", r)
		}
	}
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-idp-settings.html
func (v *validator) oauth(p string, ac *AppClient) {
	o := ac.OAuth
	if o == nil {
		return
	}
	if len(o.Flows) == 0 {
		v.errorf(p+".flows", "add flows: [code]", "oauth needs at least one flow")
	}
	v.set(p+".flows", o.Flows, OAuthFlows)
	userFlow := slices.Contains(o.Flows, "code") || slices.Contains(o.Flows, "implicit")
	if slices.Contains(o.Flows, "client_credentials") {
		if len(o.Flows) > 1 {
			v.errorf(p+".flows", "use a separate app client for machine-to-machine access",
				"client_credentials cannot be combined with other flows")
		}
		if !ac.GenerateSecret {
			v.errorf(p+".flows", "set generate_secret: true on this client", "client_credentials needs a client secret")
		}
		for i, s := range o.Scopes {
			if !strings.Contains(s, "/") {
				v.errorf(fmt.Sprintf("%s.scopes[%d]", p, i), "use only custom scopes declared under resource_servers, like api/read",
					"scope %s cannot be used with client_credentials", s)
			}
		}
	}
	if slices.Contains(o.Flows, "implicit") {
		// https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2
		v.warnf(p+".flows", "use flows: [code]; the authorization code grant with PKCE is the secure choice",
			"the implicit grant is deprecated (RFC 9700): tokens travel in the URL")
	}

	if len(o.Scopes) == 0 {
		v.errorf(p+".scopes", "add scopes, e.g. [openid, email, profile]", "oauth needs at least one scope")
	}
	if len(o.Scopes) > MaxOAuthScopes {
		v.errorf(p+".scopes", "remove some scopes", "a client can have at most %d scopes", MaxOAuthScopes)
	}
	seen := map[string]bool{}
	for i, s := range o.Scopes {
		sp := fmt.Sprintf("%s.scopes[%d]", p, i)
		switch {
		case slices.Contains(BuiltinScopes, s):
		case strings.Contains(s, "/"):
			if !v.scopes[s] {
				v.errorf(sp, "declare it under resource_servers (identifier and scope name), or remove it",
					"custom scope %s is not declared", s)
			}
		default:
			v.errorf(sp, "use "+strings.Join(BuiltinScopes, ", ")+", or a custom <resource server>/<scope>",
				"scope %q is not a known scope", s)
			continue
		}
		if !unique(seen, s) {
			v.errorf(sp, "remove the second "+s, "scopes lists %s twice", s)
		}
	}
	if !seen["openid"] {
		for _, s := range []string{"email", "phone", "profile"} {
			if seen[s] {
				v.errorf(p+".scopes", "add openid to scopes", "scope %s needs openid", s)
				break
			}
		}
	}

	if userFlow && len(o.CallbackURLs) == 0 {
		v.errorf(p+".callback_urls", `add the URL users return to after sign-in, e.g. callback_urls: ["http://localhost:3000/"]`,
			"the code and implicit flows need at least one callback URL")
	}
	for _, list := range []struct {
		key  string
		urls []string
	}{{"callback_urls", o.CallbackURLs}, {"logout_urls", o.LogoutURLs}} {
		if len(list.urls) > MaxRedirectURLs {
			v.errorf(p+"."+list.key, "remove some URLs", "%s can hold at most %d URLs", list.key, MaxRedirectURLs)
		}
		seen := map[string]bool{}
		for i, u := range list.urls {
			up := fmt.Sprintf("%s.%s[%d]", p, list.key, i)
			if v.value(up, "redirect_url", u) && !unique(seen, u) {
				v.errorf(up, "remove the second one", "%s lists %s twice", list.key, u)
			}
		}
	}
	if o.DefaultRedirectURI != "" && !slices.Contains(o.CallbackURLs, o.DefaultRedirectURI) {
		v.errorf(p+".default_redirect_uri", "add it to callback_urls, or pick one of them",
			"default_redirect_uri %q is not one of callback_urls", o.DefaultRedirectURI)
	}

	seenIdP := map[string]bool{}
	for i, name := range o.IdentityProviders {
		ip := fmt.Sprintf("%s.identity_providers[%d]", p, i)
		if name != "COGNITO" && !v.providers[name] {
			v.errorf(ip, "use COGNITO or the name of a provider declared under identity_providers",
				"identity provider %q is not declared", name)
		} else if !unique(seenIdP, name) {
			v.errorf(ip, "remove the second "+name, "identity_providers lists %s twice", name)
		}
	}
	if len(o.Flows) > 0 && v.c.Domain == nil {
		v.warnf(p, "add domain: { prefix: myapp-auth } so the hosted UI and token endpoint have an address",
			"oauth needs the pool's hosted UI and token endpoint, but no domain is configured")
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html
func (v *validator) domain() {
	d := v.c.Domain
	if d == nil {
		return
	}
	// A pool may have one prefix domain and one custom domain at once
	// (DescribeUserPool returns both Domain and CustomDomain).
	// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain.html
	if d.Prefix == "" && d.CustomDomain == "" {
		v.errorf("domain", "add prefix: myapp-auth, or remove domain", "domain needs a prefix or a custom_domain")
	}
	v.optional("domain.prefix", "domain_prefix", d.Prefix)
	if d.CustomDomain != "" {
		v.value("domain.custom_domain", "custom_domain", d.CustomDomain)
		if d.CertificateARN == "" {
			v.errorf("domain.certificate_arn", "add certificate_arn: an ACM certificate for the domain, in us-east-1",
				"custom_domain needs certificate_arn")
		}
	} else if d.CertificateARN != "" {
		v.warnf("domain.certificate_arn", "remove it, or use custom_domain", "certificate_arn is only used with custom_domain")
	}
	v.optional("domain.certificate_arn", "acm_certificate_arn", d.CertificateARN)
	if mv := d.ManagedLoginVersion; mv != nil {
		if *mv != 1 && *mv != 2 {
			v.errorf("domain.managed_login_version", "use 1 (classic hosted UI) or 2 (managed login)",
				"managed_login_version %d is not allowed", *mv)
		} else if *mv == 2 {
			// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
			v.needsPlan("domain.managed_login_version", "managed login (version 2)")
		}
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateResourceServer.html
func (v *validator) resourceServers() {
	seen := map[string]bool{}
	for i, rs := range v.c.ResourceServers {
		p := fmt.Sprintf("resource_servers[%d]", i)
		if v.value(p+".identifier", "resource_server_id", rs.Identifier) && !unique(seen, rs.Identifier) {
			v.errorf(p+".identifier", "use a different identifier for each server", "resource server %s is declared twice", rs.Identifier)
		}
		if v.value(p+".name", "required", rs.Name) {
			if n := utf8.RuneCountInString(rs.Name); n > 256 {
				v.errorf(p+".name", "shorten it to 256 characters", "name has %d characters, at most 256 are allowed", n)
			} else if !PoolNamePattern().MatchString(rs.Name) {
				v.errorf(p+".name", valueRules["pool_name"].hint, "name %q must contain only letters, digits, spaces and + = , . @ _ -", rs.Name)
			}
		}
		if len(rs.Scopes) > MaxResourceServerScopes {
			v.errorf(p+".scopes", "remove some scopes", "a resource server can have at most %d scopes", MaxResourceServerScopes)
		}
		names := map[string]bool{}
		for j, s := range rs.Scopes {
			sp := fmt.Sprintf("%s.scopes[%d]", p, j)
			if v.value(sp+".name", "scope_name", s.Name) && !unique(names, s.Name) {
				v.errorf(sp+".name", "remove or rename one of them", "scope %s is declared twice", s.Name)
			}
			if v.value(sp+".description", "required", s.Description) && utf8.RuneCountInString(s.Description) > 256 {
				v.errorf(sp+".description", "shorten it to 256 characters", "description must be at most 256 characters")
			}
		}
	}
}
