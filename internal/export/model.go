package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

// Result is one rendered export.
type Result struct {
	// Data is the template, HCL or script.
	Data []byte
	// Skipped lists what the format does not carry, one line each, for stderr.
	Skipped []string
	// Secrets lists the environment variables the export reads secrets from.
	Secrets []string
	// Values lists the environment variables the export reads values that
	// are no secrets from (config.ValueRefs); none is in Secrets.
	Values []string
	// Notes lists what the format writes differently from apply, one line
	// each, for stderr.
	Notes []string
}

// UnsupportedError says that a format cannot express the file: writing it
// anyway would build a different pool. Hint says what to change.
type UnsupportedError struct {
	Format string
	Reason string
	Hint   string
}

func (e *UnsupportedError) Error() string { return e.Format + ": " + e.Reason }

// resource is one Cognito resource to create, as the API request apply sends.
type resource struct {
	// kind: pool, client, domain, idp, resource_server, group.
	kind string
	// name is the resource's own name (client name, group name, ...).
	name string
	// id is a stable identifier-safe name: a CloudFormation logical id
	// stem and a Terraform resource name stem.
	id   string
	body *obj
	// dependsOn lists the ids of identity providers a client names.
	dependsOn []string
}

// stack is everything one configuration creates, in dependency order:
// pool, identity providers and resource servers, clients, domain, groups.
type stack struct {
	cfg     *config.Config
	pool    *obj
	mfa     *obj // SetUserPoolMfaConfig request; nil when MFA is off
	items   []resource
	secrets []string
	// values are the environment variables of references that are no
	// secrets, less those also used for a secret.
	values  []string
	skipped []string
	notes   []string
	// identity is the identity pool and its roles; nil without one.
	identity *identityStack
	// functions are the generated trigger functions.
	functions []exportFunction
}

func build(cfg *config.Config) (*stack, error) {
	if cfg == nil {
		return nil, fmt.Errorf("no configuration to export")
	}
	s := &stack{}
	cfg = s.valuePlaceholders(cfg)
	s.cfg = cfg
	secrets := func(ref string) (string, error) {
		name, ok := config.SecretRefName(ref)
		if !ok {
			// Never quote the value: it may be a secret pasted by mistake.
			return "", fmt.Errorf("a secret field holds a value instead of a ${env:NAME} reference: replace the value with a reference")
		}
		if !contains(s.secrets, name) {
			s.secrets = append(s.secrets, name)
		}
		return secretPlaceholder(name), nil
	}

	ids := map[string]bool{"UserPool": true}
	uniq := func(prefix, name string) string {
		id := prefix + identifier(name)
		base, n := id, 2
		for ids[id] {
			id = fmt.Sprintf("%s%d", base, n)
			n++
		}
		ids[id] = true
		return id
	}

	// The generated functions are named first, so that the pool's
	// triggers point at them through the same expansion as any trigger.
	nameFunctions(s, uniq)
	tags := map[string]string{cognito.TagResourceName: cfg.ResourceName}
	s.pool = tree(cognito.ExpandCreateUserPool(withFunctionTriggers(cfg, s.functions), tags))
	if m := cfg.UserPool.MFA; m != nil && m.Mode != "" && m.Mode != config.MFAOff {
		s.mfa = tree(cognito.ExpandSetUserPoolMfaConfig(poolSentinel, &cfg.UserPool))
	}
	idpIDs := map[string]string{}
	for i := range cfg.IdentityProviders {
		p := &cfg.IdentityProviders[i]
		in, err := cognito.ExpandCreateIdentityProvider(poolSentinel, p, secrets)
		if err != nil {
			return nil, err
		}
		id := uniq("IdentityProvider", p.ProviderName())
		idpIDs[p.ProviderName()] = id
		s.items = append(s.items, resource{kind: "idp", name: p.ProviderName(), id: id, body: tree(in)})
	}
	for i := range cfg.ResourceServers {
		rs := &cfg.ResourceServers[i]
		s.items = append(s.items, resource{kind: "resource_server", name: rs.Identifier, id: uniq("ResourceServer", rs.Name), body: tree(cognito.ExpandCreateResourceServer(poolSentinel, rs))})
	}
	for i := range cfg.AppClients {
		c := &cfg.AppClients[i]
		r := resource{kind: "client", name: c.Name, id: uniq("Client", c.Name), body: tree(cognito.ExpandCreateUserPoolClient(poolSentinel, c))}
		if c.OAuth != nil {
			// A client can list a provider only once the provider exists.
			for _, p := range c.OAuth.IdentityProviders {
				if id, ok := idpIDs[p]; ok {
					r.dependsOn = append(r.dependsOn, id)
				}
			}
			if len(cfg.ResourceServers) > 0 {
				for _, it := range s.items {
					if it.kind == "resource_server" && usesServer(c.OAuth.Scopes, it.name) {
						r.dependsOn = append(r.dependsOn, it.id)
					}
				}
			}
		}
		s.items = append(s.items, r)
	}
	if d := cfg.Domain; d != nil && cognito.DomainName(d) != "" {
		s.items = append(s.items, resource{kind: "domain", name: cognito.DomainName(d), id: uniq("Domain", ""), body: tree(cognito.ExpandCreateUserPoolDomain(poolSentinel, d))})
	}
	for i := range cfg.UserPool.Groups {
		g := &cfg.UserPool.Groups[i]
		s.items = append(s.items, resource{kind: "group", name: g.Name, id: uniq("Group", g.Name), body: tree(cognito.ExpandCreateGroup(poolSentinel, g))})
	}
	buildIdentity(s, uniq)
	if err := buildFunctions(s, secrets); err != nil {
		return nil, err
	}
	s.noteSkipped()
	s.values = slices.DeleteFunc(s.values, func(name string) bool { return contains(s.secrets, name) })
	if err := checkParameterNames(append(slices.Clone(s.secrets), s.values...), ids); err != nil {
		return nil, err
	}
	return s, nil
}

// checkParameterNames refuses environment variables whose CloudFormation
// parameter or Terraform variable would be another's (GOOGLE_ID,
// google_id and GOOGLE__ID are all the parameter GoogleId), or a
// resource's logical id: parameters and resources share one namespace in
// a template.
func checkParameterNames(names []string, resourceIDs map[string]bool) error {
	params, vars := map[string]string{}, map[string]string{}
	for _, n := range names {
		p, v := cfnParam(n), TerraformVariable(n)
		hint := fmt.Sprintf("rename the variable in its ${env:%s} reference in cognito.yaml", n)
		if resourceIDs[p] {
			return fmt.Errorf("environment variable %s becomes the CloudFormation parameter %s, the name of a resource too: %s", n, p, hint)
		}
		if o, ok := params[p]; ok {
			return fmt.Errorf("environment variables %s and %s both become the CloudFormation parameter %s: %s", o, n, p, hint)
		}
		if o, ok := vars[v]; ok {
			return fmt.Errorf("environment variables %s and %s both become the Terraform variable %s: %s", o, n, v, hint)
		}
		params[p], vars[v] = n, n
	}
	return nil
}

// valuePlaceholders returns a copy of cfg in which each reference to a
// value that is no secret is a placeholder the tree turns into an envRef,
// and records the variable. The caller's configuration is left as it is.
func (s *stack) valuePlaceholders(cfg *config.Config) *config.Config {
	c := *cfg
	c.IdentityProviders = slices.Clone(cfg.IdentityProviders)
	if cfg.UserPool.SMS != nil {
		sms := *cfg.UserPool.SMS
		c.UserPool.SMS = &sms
	}
	for _, r := range config.ValueRefs(&c) {
		if name, ok := config.SecretRefName(*r.Value); ok {
			if !contains(s.values, name) {
				s.values = append(s.values, name)
			}
			*r.Value = valuePlaceholder(name)
		}
	}
	return &c
}

func usesServer(scopes []string, identifier string) bool {
	for _, sc := range scopes {
		if strings.HasPrefix(sc, identifier+"/") {
			return true
		}
	}
	return false
}

// noteSkipped lists the parts of cognito.yaml that are not Cognito user
// pool resources, so the export cannot carry them.
func (s *stack) noteSkipped() {
	c := s.cfg
	if c.UserPool.ID != "" {
		s.skipped = append(s.skipped, "user_pool.id — the export creates a new pool; import the existing one into your stack instead if you need it")
	}
	if c.IdentityPool != nil && c.IdentityPool.ID != "" {
		s.skipped = append(s.skipped, "identity_pool.id — the export creates a new identity pool")
	}
	if c.AdminQueries != nil && c.AdminQueries.Enabled {
		s.skipped = append(s.skipped, "admin_queries — it is an API Gateway API and a Lambda, not a Cognito setting")
	}
	if n := len(c.UserPool.Capabilities); n > 0 && len(s.functions) == 0 {
		s.skipped = append(s.skipped, fmt.Sprintf("user_pool.capabilities (%d) — your own functions serve them; the exported triggers point at their ARNs", n))
	}
	for _, cl := range c.AppClients {
		if cl.ID != "" {
			s.skipped = append(s.skipped, "app_clients["+cl.Name+"].id — the export creates a new client")
		}
	}
}

// identifier keeps the letters and digits of s, each word capitalised:
// "web app" → "WebApp". It is used for CloudFormation logical ids.
func identifier(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		} else {
			up = true
		}
	}
	return b.String()
}

// snake is identifier in lower snake case, for Terraform names:
// "web app" → "web_app", "ShopAuth" → "shop_auth".
func snake(s string) string {
	var b strings.Builder
	sep := false
	prevLower := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if unicode.IsUpper(r) && prevLower {
				sep = true
			}
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			sep = false
		} else {
			sep = true
			prevLower = false
		}
	}
	out := b.String()
	if out == "" || unicode.IsDigit(rune(out[0])) {
		out = "r_" + out
	}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func sortedSecrets(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}

// result is the Result of an export of s whose text is data.
func (s *stack) result(data []byte) *Result {
	return &Result{Data: data, Skipped: s.skipped, Secrets: sortedSecrets(s.secrets), Values: sortedSecrets(s.values), Notes: s.notes}
}

// ownershipNote says, as comment lines starting with prefix, how cogwiz
// treats what an export creates. The export tags the pool with the
// resource-name tag apply looks pools up by, but it cannot write the
// cogwiz:managed record apply keeps of the clients, groups, domain,
// identity providers and resource servers it created itself: that record
// names resources Cognito identifies only once they exist.
func ownershipNote(prefix string) string {
	lines := []string{
		"The pool is tagged " + cognito.TagResourceName + ", so cogwiz plan and apply find it.",
		"What else this creates (app clients, groups, domain, identity providers,",
		"resource servers) is not in cogwiz's own record of what it created (the",
		cognito.TagManaged + " tag): cogwiz treats it as made outside cogwiz and never",
		"deletes it when it leaves cognito.yaml.",
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(prefix + l + "\n")
	}
	return b.String()
}
