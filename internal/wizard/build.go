package wizard

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

// Config turns the answers on the current path into a configuration:
// Amplify's Default file with the project's names (init) or the existing
// one (update), with each answer's keys set in graph order.
func (w *Walker) Config() (*config.Config, error) {
	var base *config.Config
	if w.update {
		c, err := clone(w.opts.Existing)
		if err != nil {
			return nil, err
		}
		base = c
		if err := w.applyMenu(base); err != nil {
			return nil, err
		}
	} else {
		base = DefaultConfig(w.names)
	}
	implied := w.implied()
	for _, q := range w.g.Questions {
		var v any
		switch {
		case w.onPath[q.ID]:
			v = w.answers[q.ID]
		default:
			iv, ok := implied[q.ID]
			if !ok {
				continue
			}
			v = iv
		}
		if err := w.apply(base, q, v); err != nil {
			return nil, fmt.Errorf("question %s: %w", q.ID, err)
		}
	}
	w.finalize(base)
	return base, nil
}

// applyMenu puts the keys the update menu choice resets back to the
// recommended values (Amplify's "safe defaults").
func (w *Walker) applyMenu(c *config.Config) error {
	if !w.onPath["update_flow"] {
		return nil
	}
	uq, ok := w.g.Lookup("update_flow")
	if !ok {
		return nil
	}
	o, ok := uq.Option(fmt.Sprint(w.answers["update_flow"]))
	if !ok {
		return nil
	}
	rec := config.Recommended()
	for _, p := range o.Resets {
		v := getPath(rec, p)
		if !v.IsValid() {
			clearPath(c, p)
			continue
		}
		if !isSet(getPath(c, parentOf(p))) && parentOf(p) != "" {
			continue // nothing there to reset (no identity pool, say)
		}
		if err := setPath(c, p, v.Interface()); err != nil {
			return err
		}
	}
	return nil
}

func parentOf(p string) string {
	if i := strings.LastIndexAny(p, ".["); i > 0 {
		return p[:i]
	}
	return ""
}

// apply stores one answer: the chosen option's clears, then its keys.
func (w *Walker) apply(c *config.Config, q *questions.Question, v any) error {
	if q.Kind == questions.Select {
		if o, ok := q.Option(fmt.Sprint(v)); ok {
			for _, p := range o.Clears {
				clearPath(c, p)
			}
		}
	}
	for _, path := range q.Sets {
		if err := w.applyOne(c, q, path, v); err != nil {
			return err
		}
	}
	return nil
}

// template is what a presence answer creates at path: Amplify's defaults
// for OAuth (the code grant and all five scopes, as "Default configuration
// with Social Provider" writes them) and the project's own domain prefix,
// else the recommended value.
func (w *Walker) template(path string) (any, bool) {
	switch path {
	case "app_clients[0].oauth":
		return &config.OAuth{Flows: []string{"code"}, Scopes: slices.Clone(amplifyScopes), IdentityProviders: []string{"COGNITO"}}, true
	case "domain":
		return &config.Domain{Prefix: w.names.DomainPrefix}, true
	}
	if r := getPath(config.Recommended(), path); isSet(r) {
		return r.Interface(), true
	}
	return nil, false
}

// amplifyScopes are the OAuth scopes Amplify preselects (all five built-in ones).
var amplifyScopes = []string{"phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"}

func (w *Walker) applyOne(c *config.Config, q *questions.Question, path string, v any) error {
	switch q.As {
	case questions.AsValue:
		return setPath(c, path, valueFor(q, v))
	case questions.AsPresence:
		if b, _ := v.(bool); !b {
			clearPath(c, path)
			return nil
		}
		if isSet(getPath(c, path)) {
			return nil
		}
		if t, ok := w.template(path); ok {
			return setPath(c, path, t)
		}
		return nil
	case questions.AsTriggerKeys:
		return applyTriggerKeys(c, q, asList(v))
	case questions.AsTriggerModules:
		if !slices.Contains(asList(v), questions.OwnModule) {
			unsetTrigger(c, lastKey(path))
		}
		return nil
	case questions.AsTriggerARN:
		key := lastKey(path)
		unsetTrigger(c, key)
		if s := answerText(v); s != "" {
			return setPath(c, path, s)
		}
		if c.UserPool.Triggers == nil {
			c.UserPool.Triggers = &config.Triggers{}
		}
		c.UserPool.Triggers.Pending = append(c.UserPool.Triggers.Pending, key)
		return nil
	case questions.AsRemoveByName:
		return removeByName(c, path, asList(v))
	case questions.AsCustomAttributes:
		for _, spec := range asList(v) {
			a, err := parseCustomAttribute(spec)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(c.UserPool.Attributes.Custom, func(x config.CustomAttribute) bool { return x.Name == a.Name }) {
				c.UserPool.Attributes.Custom = append(c.UserPool.Attributes.Custom, a)
			}
		}
		return nil
	case questions.AsScopes:
		var scopes []config.Scope
		for _, name := range asList(v) {
			scopes = append(scopes, config.Scope{Name: name, Description: scopeDescription(name)})
		}
		return setPath(c, path, scopes)
	}
	return applyMapped(c, q, path, v)
}

// applyMapped stores the answers whose mapping needs no walk state.
func applyMapped(c *config.Config, q *questions.Question, path string, v any) error {
	switch q.As {
	case questions.AsSecretRef:
		if s := answerText(v); s != "" {
			return setPath(c, path, config.SecretRef(s))
		}
		return nil
	case questions.AsDays:
		n, err := strconv.Atoi(answerText(v))
		if err != nil {
			return err
		}
		return setPath(c, path, config.Duration{Value: n, Unit: "d"})
	case questions.AsDuration:
		d, err := config.ParseDuration(answerText(v))
		if err != nil {
			return err
		}
		return setPath(c, path, d)
	case questions.AsFlags:
		chosen := asList(v)
		for _, o := range q.Options {
			if err := setPath(c, path+"."+o.Value, slices.Contains(chosen, o.Value)); err != nil {
				return err
			}
		}
		return nil
	case questions.AsListByType:
		return setList(c, q, path, "type", asList(v), true)
	case questions.AsListByName:
		return setList(c, q, path, "name", asList(v), false)
	case questions.AsPrecedence:
		return setPrecedence(c, path, asList(v))
	case questions.AsAppend:
		cur := getStrings(c, path)
		for _, s := range asList(v) {
			if s != "" && !slices.Contains(cur, s) {
				cur = append(cur, s)
			}
		}
		if len(cur) == 0 {
			return nil
		}
		return setPath(c, path, cur)
	case questions.AsReplaceItems:
		cur := getStrings(c, path)
		pairs := asList(v)
		for i := 0; i+1 < len(pairs); i += 2 {
			if j := slices.Index(cur, pairs[i]); j >= 0 {
				cur[j] = pairs[i+1]
			}
		}
		// An item edited into one the list already has is listed once.
		var out []string
		for _, u := range cur {
			if !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
		return setPath(c, path, out)
	case questions.AsOptional:
		if s := answerText(v); s != "" {
			return setPath(c, path, s)
		}
		return nil
	case questions.AsCSV:
		var out []string
		for _, s := range strings.Split(answerText(v), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return setPath(c, path, out)
	}
	return fmt.Errorf("unknown mapping %q", q.As)
}

// answerText is a scalar answer as text ("" for none).
func answerText(v any) string {
	if v == nil {
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// lastKey is the last key of a dotted path.
func lastKey(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}

// unsetTrigger drops the function ARN of a trigger and its pending mark.
func unsetTrigger(c *config.Config, key string) {
	t := c.UserPool.Triggers
	if t == nil {
		return
	}
	clearPath(c, "user_pool.triggers."+key)
	t.Pending = slices.DeleteFunc(t.Pending, func(k string) bool { return k == key })
}

// applyTriggerKeys keeps the chosen triggers and unsets the others.
func applyTriggerKeys(c *config.Config, q *questions.Question, chosen []string) error {
	for _, o := range q.Options {
		if !slices.Contains(chosen, o.Value) {
			unsetTrigger(c, o.Value)
		}
	}
	return nil
}

// removeByName drops the elements of the list at path whose name is in names.
func removeByName(c *config.Config, path string, names []string) error {
	list := getPath(c, path)
	if !list.IsValid() || list.Kind() != reflect.Slice {
		return nil
	}
	out := reflect.MakeSlice(list.Type(), 0, list.Len())
	for i := 0; i < list.Len(); i++ {
		e, ok := deref(list.Index(i), false)
		if !ok {
			continue
		}
		if f, ok := fieldByKey(e, "name"); ok && slices.Contains(names, f.String()) {
			continue
		}
		out = reflect.Append(out, list.Index(i))
	}
	if out.Len() == 0 {
		out = reflect.Zero(list.Type())
	}
	list.Set(out)
	return nil
}

func valueFor(q *questions.Question, v any) any {
	switch q.Kind {
	case questions.Select:
		if o, ok := q.Option(fmt.Sprint(v)); ok && o.Set != nil {
			return o.Set
		}
		return v
	case questions.MultiSelect:
		var out []string
		for _, s := range asList(v) {
			if o, ok := q.Option(s); ok && o.Set != nil {
				out = append(out, asList(o.Set)...)
				continue
			}
			out = append(out, s)
		}
		if out == nil {
			out = []string{}
		}
		return out
	case questions.Confirm:
		b, _ := v.(bool)
		return b
	}
	return v
}

// setList keeps one element per chosen key, in the chosen order, reusing
// existing elements (with everything they hold) and adding new ones.
// With managedOnly, elements whose key is not among the question's options
// (an OIDC provider written by hand) are kept untouched.
func setList(c *config.Config, q *questions.Question, path, key string, chosen []string, managedOnly bool) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	list, _, err := locate(reflect.ValueOf(c).Elem(), segs, true)
	if err != nil {
		return err
	}
	managed := func(k string) bool {
		if !managedOnly {
			return true
		}
		_, ok := q.Option(k)
		return ok
	}
	out := reflect.MakeSlice(list.Type(), 0, len(chosen))
	keyOf := func(e reflect.Value) string {
		e, ok := deref(e, false)
		if !ok {
			return ""
		}
		f, _ := fieldByKey(e, key)
		return f.String()
	}
	for i := 0; i < list.Len(); i++ {
		if k := keyOf(list.Index(i)); !managed(k) {
			out = reflect.Append(out, list.Index(i))
		}
	}
	for _, k := range chosen {
		found := false
		for i := 0; i < list.Len(); i++ {
			if keyOf(list.Index(i)) == k {
				out = reflect.Append(out, list.Index(i))
				found = true
				break
			}
		}
		if !found {
			e := reflect.New(list.Type().Elem()).Elem()
			f, ok := fieldByKey(e, key)
			if !ok {
				return fmt.Errorf("%s: elements have no %q", path, key)
			}
			f.SetString(k)
			out = reflect.Append(out, e)
		}
	}
	if out.Len() == 0 {
		out = reflect.Zero(list.Type())
	}
	list.Set(out)
	return nil
}

// setPrecedence orders the groups as given and numbers them from 1.
func setPrecedence(c *config.Config, path string, order []string) error {
	if path != "user_pool.groups" {
		return fmt.Errorf("precedence applies to user_pool.groups, not %s", path)
	}
	groups := c.UserPool.Groups
	sort.SliceStable(groups, func(i, j int) bool {
		return rank(order, groups[i].Name) < rank(order, groups[j].Name)
	})
	for i := range groups {
		groups[i].Precedence = config.Int(i + 1)
	}
	return nil
}

func rank(order []string, name string) int {
	if i := slices.Index(order, name); i >= 0 {
		return i
	}
	return len(order)
}

// finalize keeps related keys consistent after the answers are applied,
// the way Amplify's defaults appliers do.
func (w *Walker) finalize(c *config.Config) {
	if c.Services == config.ServicesUserPool {
		c.IdentityPool = nil
	} else if c.Services == config.ServicesUserPoolIdentityPool && c.IdentityPool == nil {
		c.IdentityPool = &config.IdentityPool{Name: w.names.IdentityPoolName}
	}
	if !w.update || w.onPath["social_providers"] {
		// Like Amplify, the mappings are worked out when the providers are
		// chosen; other update flows leave the providers as they are.
		mapSocialAttributes(c)
	}
	w.finalizeVerification(c)
	if m := c.UserPool.MFA; m != nil && m.Mode == config.MFAOff && w.onPath["mfa_mode"] {
		// Factors mean nothing with MFA off (validate says so); Amplify
		// keeps no MFA types for OFF either.
		m.Factors = nil
	}
	for i := range c.AppClients {
		ac := &c.AppClients[i]
		if ac.Name == "" {
			ac.Name = "web"
		}
		if i > 0 && len(c.AppClients[0].AuthFlows) > 0 {
			if ac.TokenValidity == nil && c.AppClients[0].TokenValidity != nil {
				tv := *c.AppClients[0].TokenValidity
				ac.TokenValidity = &tv
			}
			if len(ac.AuthFlows) == 0 {
				ac.AuthFlows = slices.Clone(c.AppClients[0].AuthFlows)
			}
		}
		if ac.OAuth != nil && i == 0 {
			if len(ac.OAuth.Flows) == 0 {
				ac.OAuth.Flows = []string{"code"}
			}
			if len(ac.OAuth.Scopes) == 0 {
				ac.OAuth.Scopes = slices.Clone(amplifyScopes)
			}
			idps := []string{"COGNITO"}
			for _, p := range c.IdentityProviders {
				idps = append(idps, p.ProviderName())
			}
			ac.OAuth.IdentityProviders = idps
			if w.onPath["resource_server_scopes"] && len(c.ResourceServers) > 0 {
				rs := c.ResourceServers[0]
				for _, s := range rs.Scopes {
					if full := rs.Identifier + "/" + s.Name; !slices.Contains(ac.OAuth.Scopes, full) {
						ac.OAuth.Scopes = append(ac.OAuth.Scopes, full)
					}
				}
			}
		}
		// Required attributes must stay writeable (Amplify adds them too).
		if len(ac.WriteAttributes) > 0 {
			for _, a := range c.UserPool.Attributes.Required {
				if !slices.Contains(ac.WriteAttributes, a) {
					ac.WriteAttributes = append(ac.WriteAttributes, a)
				}
			}
		}
	}
	for i := range c.ResourceServers {
		if rs := &c.ResourceServers[i]; rs.Name == "" {
			rs.Name = resourceServerName(rs.Identifier)
		}
	}
	w.finalizeTriggers(c)
	if c.AdminQueries != nil && !c.AdminQueries.Enabled {
		c.AdminQueries.Group = ""
	}
	// A group the admin queries API or the add-to-group capability names
	// is declared, so that cogwiz creates it (Amplify's add-to-group
	// function creates its group on first use).
	if c.AdminQueries != nil && c.AdminQueries.Group != "" {
		declareGroup(c, c.AdminQueries.Group)
	}
	for _, cp := range c.UserPool.Capabilities {
		if cp.Type == config.CapAddUserToGroup && cp.Group != "" {
			declareGroup(c, cp.Group)
		}
	}
}

// finalizeVerification auto-verifies what users sign in with, as Amplify
// adds email and phone aliases to AutoVerifiedAttributes: an unverified
// email cannot sign in or recover a password. Only choices made in this
// walk are completed; a file's own settings are left as they are.
func (w *Walker) finalizeVerification(c *config.Config) {
	asked := func(id string) bool { return w.onPath[id] && !w.auto[id] }
	if !asked("sign_in") && !asked("alias_attributes") && !asked("email_registration") {
		return
	}
	si := c.UserPool.SignIn
	need := func(attr string) bool {
		return slices.Contains(si.UsernameAttributes, attr) || slices.Contains(si.AliasAttributes, attr)
	}
	for _, attr := range config.AutoVerifiedAttributeValues {
		if !need(attr) {
			continue
		}
		if c.UserPool.Verification == nil {
			c.UserPool.Verification = &config.Verification{}
		}
		v := c.UserPool.Verification
		if !slices.Contains(v.AutoVerifiedAttributes, attr) {
			v.AutoVerifiedAttributes = append(v.AutoVerifiedAttributes, attr)
		}
	}
}

// finalizeTriggers makes the capabilities follow Amplify's trigger flow:
// once the user picked triggers ("Which triggers do you want to enable"),
// a capability stays only while one of its triggers is picked and that
// trigger's "What functionality" answer includes it (or is still to come),
// and a capability picked there is added.
func (w *Walker) finalizeTriggers(c *config.Config) {
	if t := c.UserPool.Triggers; t != nil {
		slices.Sort(t.Pending)
		t.Pending = slices.Compact(t.Pending)
		t.Pending = slices.DeleteFunc(t.Pending, func(k string) bool { return t.Trigger(k) != "" })
		if len(t.Pending) == 0 {
			t.Pending = nil
		}
		if reflect.ValueOf(*t).IsZero() {
			c.UserPool.Triggers = nil
		}
	}
	var listQ *questions.Question
	for _, q := range w.g.Questions {
		if q.As == questions.AsTriggerKeys && w.onPath[q.ID] {
			listQ = q
		}
	}
	if listQ == nil {
		return
	}
	list := asList(w.answers[listQ.ID])
	// modules[key] is the "What functionality" answer for a trigger, when given.
	modules := map[string][]string{}
	var picked []string
	for _, q := range w.g.Questions {
		if q.As != questions.AsTriggerModules || !w.onPath[q.ID] || len(q.Sets) == 0 {
			continue
		}
		ans := asList(w.answers[q.ID])
		modules[lastKey(q.Sets[0])] = ans
		for _, m := range ans {
			if m != questions.OwnModule && !slices.Contains(picked, m) {
				picked = append(picked, m)
			}
		}
	}
	keep := func(typ string) bool {
		if slices.Contains(picked, typ) {
			return true
		}
		for _, key := range config.CapabilityTriggers(typ) {
			if ans, answered := modules[key]; slices.Contains(list, key) && (!answered || slices.Contains(ans, typ)) {
				return true
			}
		}
		return false
	}
	caps := slices.DeleteFunc(slices.Clone(c.UserPool.Capabilities), func(cp config.Capability) bool { return !keep(cp.Type) })
	for _, typ := range picked {
		if slices.Contains(config.CapabilityTypes, typ) && !slices.ContainsFunc(caps, func(cp config.Capability) bool { return cp.Type == typ }) {
			caps = append(caps, config.Capability{Type: typ})
		}
	}
	if len(caps) == 0 {
		caps = nil
	}
	c.UserPool.Capabilities = caps
}

// declareGroup adds a group named name unless it exists, after the others.
func declareGroup(c *config.Config, name string) {
	groups := c.UserPool.Groups
	if slices.ContainsFunc(groups, func(g config.Group) bool { return g.Name == name }) {
		return
	}
	g := config.Group{Name: name}
	if n := len(groups); n > 0 && groups[n-1].Precedence != nil {
		g.Precedence = config.Int(*groups[n-1].Precedence + 1)
	}
	c.UserPool.Groups = append(groups, g)
}

// resourceServerName makes a resource server's display name from its
// identifier: the name allows fewer characters (no : or /).
func resourceServerName(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r == ':' || r == '/' {
			r = ' '
		}
		b.WriteRune(r)
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	if name == "" || !config.PoolNamePattern().MatchString(name) {
		return "api"
	}
	return name
}

// pending lists the keys the user chose to fill in later: trigger
// functions and the SMS role left empty.
func (w *Walker) pending(c *config.Config) []string {
	var out []string
	for _, q := range w.g.Questions {
		if q.As != questions.AsOptional && q.As != questions.AsTriggerARN || !w.onPath[q.ID] {
			continue
		}
		for _, p := range q.Sets {
			if !isSet(getPath(c, p)) {
				out = append(out, p)
			}
		}
	}
	return out
}
