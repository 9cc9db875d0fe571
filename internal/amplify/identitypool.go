package amplify

import (
	"fmt"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// identityPoolProviders maps Amplify's identity-pool provider domains to
// cognito.yaml's provider types and the keys that hold their app ids.
var identityPoolProviders = []struct{ domain, typ, idKey string }{
	{"graph.facebook.com", "facebook", "facebookAppId"},
	{"accounts.google.com", "google", "googleClientId"},
	{"www.amazon.com", "amazon", "amazonAppId"},
	{"appleid.apple.com", "apple", "appleAppId"},
}

func (im *importer) identityPool() error {
	in := im.in
	name := in.str("identityPoolName")
	unauth, _ := in.boolean("allowUnauthenticatedIdentities")
	third, thirdSet := in.boolean("thirdPartyAuth")
	domains := in.list("authProviders")
	audiences := in.list("audiences")
	var selected map[string]string // selectedParties: older projects keep the app ids here
	if err := in.embedded("selectedParties", &selected); err != nil {
		im.r.drop("selectedParties", "not in a shape Amplify writes", "set identity_pool.providers by hand")
	}
	ids := map[string]string{}
	for _, p := range identityPoolProviders {
		if s := in.str(p.idKey); s != "" {
			ids[p.idKey] = s
		}
		if s := selected[p.domain]; s != "" && ids[p.idKey] == "" {
			ids[p.idKey] = s
		}
	}
	for _, k := range []string{"googleIos", "googleAndroid"} {
		if s := in.str(k); s != "" {
			audiences = append(audiences, s)
		}
	}
	// Identity-pool app ids are per environment, in team-provider-info.json:
	// a value every environment agrees on is taken.
	envVal := func(key string) (string, perEnv) {
		return im.agreed(func(env string) string {
			s, _ := im.tpi.values(env, "auth", im.name)[key].(string)
			return s
		})
	}
	differs := map[string]perEnv{}
	for _, p := range identityPoolProviders {
		if ids[p.idKey] != "" {
			continue
		}
		s, d := envVal(p.idKey)
		ids[p.idKey], differs[p.idKey] = s, d
	}
	for _, k := range []string{"googleIos", "googleAndroid"} {
		s, d := envVal(k)
		if d != nil {
			im.differ(k, "identity_pool.providers[type=google].extra_audiences", d)
		} else if s != "" && !contains(audiences, s) {
			audiences = append(audiences, s)
		}
	}

	if im.c.Services != config.ServicesUserPoolIdentityPool {
		for _, k := range []string{"identityPoolName", "allowUnauthenticatedIdentities", "thirdPartyAuth", "authProviders", "audiences"} {
			if in.has(k) {
				im.r.drop(k, "authSelections is userPoolOnly, so Amplify creates no identity pool", "nothing to do")
			}
		}
		return nil
	}
	ip := &config.IdentityPool{Name: im.suffix(name, "__"), AllowUnauthenticated: unauth}
	if ip.Name == "" {
		ip.Name = im.suffix(im.name+"_identitypool", "__")
	}
	if !thirdSet || third {
		for _, p := range identityPoolProviders {
			if !contains(domains, p.domain) {
				continue
			}
			prov := config.IdentityPoolProvider{Type: p.typ, AppID: ids[p.idKey]}
			if p.typ == "google" {
				for _, a := range audiences {
					if a != prov.AppID {
						prov.ExtraAudiences = append(prov.ExtraAudiences, a)
					}
				}
				if prov.AppID == "" && len(prov.ExtraAudiences) > 0 {
					prov.AppID, prov.ExtraAudiences = prov.ExtraAudiences[0], prov.ExtraAudiences[1:]
				}
			}
			// identity_pool needs the app id: without one the provider is
			// left out, and the report says what to add.
			switch {
			case prov.AppID == "" && differs[p.idKey] != nil:
				im.differ(p.idKey, "identity_pool.providers (type: "+p.typ+", app_id: ...)", differs[p.idKey])
				continue
			case prov.AppID == "":
				im.r.drop(p.idKey, "Amplify keeps it per environment in team-provider-info.json, and no value was found, so the "+p.typ+" provider is left out of identity_pool",
					"add it under identity_pool.providers with type: "+p.typ+" and app_id: <the app id>")
				continue
			}
			ip.Providers = append(ip.Providers, prov)
		}
		for _, d := range domains {
			if !knownDomain(d) {
				im.r.drop("authProviders: "+d, "not an identity-pool provider Amplify offers", "add it under identity_pool.providers by hand")
			}
		}
	} else if len(domains) > 0 {
		im.r.drop("authProviders", "thirdPartyAuth is false, so Amplify does not deploy them", "nothing to do")
	}
	ip.AuthenticatedRole = im.amplifyRole("AuthRole")
	ip.UnauthenticatedRole = im.amplifyRole("UnauthRole")
	im.c.IdentityPool = ip
	return nil
}

// amplifyRole maps the environment's AuthRole or UnauthRole (Amplify's
// root stack makes them; team-provider-info.json names them) to an
// existing role named by ARN, which cogwiz points the identity pool at and
// never changes. Without an environment, or without the account (from
// the stack id), cogwiz creates its own role instead, and says so.
func (im *importer) amplifyRole(kind string) *config.IdentityPoolRole {
	e, ok := im.tpi[im.env]
	if !ok {
		im.r.drop(kind+"Name", "Amplify names the identity pool's roles per environment in team-provider-info.json, and no environment was chosen",
			"pass --env NAME to keep Amplify's roles, or let cogwiz create new ones (they have no permissions until you add some)")
		return nil
	}
	if arn, ok := e.AWSCloudFormation[kind+"Arn"].(string); ok && arn != "" {
		return &config.IdentityPoolRole{ARN: arn}
	}
	name, _ := e.AWSCloudFormation[kind+"Name"].(string)
	stack := strings.Split(im.tpi.stackID(im.env), ":") // arn:aws:cloudformation:REGION:ACCOUNT:stack/...
	if name == "" || len(stack) < 6 {
		im.r.drop(kind+"Name", "team-provider-info.json does not name the "+kind+" of environment "+im.env+" with its account",
			"set identity_pool."+map[string]string{"AuthRole": "authenticated_role", "UnauthRole": "unauthenticated_role"}[kind]+".arn to Amplify's role, or let cogwiz create one")
		return nil
	}
	return &config.IdentityPoolRole{ARN: fmt.Sprintf("arn:%s:iam::%s:role/%s", stack[1], stack[4], name)}
}

func knownDomain(d string) bool {
	for _, p := range identityPoolProviders {
		if p.domain == d {
			return true
		}
	}
	return false
}
