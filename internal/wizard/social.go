package wizard

import (
	"slices"

	"github.com/cogwiz/cogwiz/internal/config"
)

// socialScopes is Amplify's attributeProviderMap scope column: the OAuth
// scope a social provider needs before it sends the claim that fills a
// pool attribute ("username" is the provider's user id). The claims
// themselves are config.ProviderClaims. Source: amplify-cli
// packages/amplify-category-auth/src/provider-utils/awscloudformation/assets/string-maps.js.
var socialScopes = map[string]map[string]string{
	config.IdPFacebook: {
		"birthdate": "public_profile", "email": "email", "family_name": "public_profile", "gender": "public_profile",
		"given_name": "public_profile", "middle_name": "public_profile", "name": "public_profile",
		"picture": "public_profile", "updated_at": "public_profile", "username": "public_profile",
	},
	config.IdPGoogle: {
		"birthdate": "profile", "email": "email", "family_name": "profile", "gender": "profile", "given_name": "profile",
		"name": "profile", "phone_number": "profile", "picture": "profile", "username": "profile",
	},
	config.IdPAmazon: {"email": "profile", "locale": "postal_code", "name": "profile", "username": "profile:user_id"},
	config.IdPApple:  {"email": "email", "family_name": "name", "given_name": "name", "name": "name"},
}

// mapSocialAttributes gives every social provider what Amplify's
// userPoolProviders gives it: a mapping for each required attribute the
// provider can send, plus the username, and the scopes those claims need
// (Google always starting with openid). Mappings and scopes already in the
// file stay; only missing ones are added, so validate has nothing to say
// about a provider the wizard set up.
func mapSocialAttributes(c *config.Config) {
	for i := range c.IdentityProviders {
		p := &c.IdentityProviders[i]
		claims, ok := config.ProviderClaims[p.Type]
		if !ok {
			continue
		}
		fresh := len(p.Scopes) == 0 && len(p.AttributeMapping) == 0
		var scopes []string
		if p.Type == config.IdPGoogle {
			scopes = append(scopes, "openid")
		}
		for _, attr := range append(slices.Clone(c.UserPool.Attributes.Required), "username") {
			claim, ok := claims[attr]
			if !ok {
				continue
			}
			if _, mapped := p.AttributeMapping[attr]; !mapped {
				if p.AttributeMapping == nil {
					p.AttributeMapping = map[string]string{}
				}
				p.AttributeMapping[attr] = claim
			}
			if s := socialScopes[p.Type][attr]; s != "" && !slices.Contains(scopes, s) {
				scopes = append(scopes, s)
			}
		}
		if fresh {
			p.Scopes = scopes
			continue
		}
		for _, s := range scopes {
			if !slices.Contains(p.Scopes, s) {
				p.Scopes = append(p.Scopes, s)
			}
		}
	}
}
