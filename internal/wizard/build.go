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
// the recommended file (init) or the existing one (update), with each
// answer's keys set in graph order.
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
		base = config.Recommended()
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
		if err := apply(base, q, v); err != nil {
			return nil, fmt.Errorf("question %s: %w", q.ID, err)
		}
	}
	finalize(base, w.opts.Existing)
	return base, nil
}

// applyMenu applies the resets and clears of the update menu choice.
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
	for _, p := range o.Clears {
		clearPath(c, p)
	}
	return nil
}

func parentOf(p string) string {
	if i := strings.LastIndexAny(p, ".["); i > 0 {
		return p[:i]
	}
	return ""
}

// apply stores one answer.
func apply(c *config.Config, q *questions.Question, v any) error {
	for _, path := range q.Sets {
		if err := applyOne(c, q, path, v); err != nil {
			return err
		}
	}
	return nil
}

func applyOne(c *config.Config, q *questions.Question, path string, v any) error {
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
		if r := getPath(config.Recommended(), path); isSet(r) {
			return setPath(c, path, r.Interface())
		}
		return nil
	case questions.AsSecretRef:
		if s := fmt.Sprint(v); s != "" {
			return setPath(c, path, config.SecretRef(s))
		}
		return nil
	case questions.AsDays:
		n, err := strconv.Atoi(fmt.Sprint(v))
		if err != nil {
			return err
		}
		return setPath(c, path, config.Duration{Value: n, Unit: "d"})
	case questions.AsDuration:
		d, err := config.ParseDuration(fmt.Sprint(v))
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
	case questions.AsKeys:
		chosen := asList(v)
		for _, o := range q.Options {
			if !slices.Contains(chosen, o.Value) {
				if isSet(getPath(c, path)) {
					clearPath(c, path+"."+o.Value)
				}
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
		return setPath(c, path, cur)
	case questions.AsOptional:
		if s := fmt.Sprint(v); s != "" {
			return setPath(c, path, s)
		}
		return nil
	case questions.AsCSV:
		var out []string
		for _, s := range strings.Split(fmt.Sprint(v), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return setPath(c, path, out)
	}
	return fmt.Errorf("unknown mapping %q", q.As)
}

// valueFor maps an answer to what goes into the config: the option's Set
// when it has one, else the answer itself.
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

// socialDefaults are the scopes and attribute mapping Amplify gives each
// social provider for the email attribute.
var socialDefaults = map[string]struct {
	scopes  []string
	mapping map[string]string
}{
	config.IdPFacebook: {[]string{"public_profile", "email"}, map[string]string{"email": "email", "username": "id"}},
	config.IdPGoogle:   {[]string{"openid", "email", "profile"}, map[string]string{"email": "email", "username": "sub"}},
	config.IdPAmazon:   {[]string{"profile"}, map[string]string{"email": "email", "username": "user_id"}},
	config.IdPApple:    {[]string{"email"}, map[string]string{"email": "email", "username": "sub"}},
}

// finalize keeps related keys consistent after the answers are applied.
// Providers already in the existing file keep what they have.
func finalize(c *config.Config, existing *config.Config) {
	had := map[string]bool{}
	if existing != nil {
		for _, p := range existing.IdentityProviders {
			had[p.Type] = true
		}
	}
	if c.Services == config.ServicesUserPool {
		c.IdentityPool = nil
	} else if c.Services == config.ServicesUserPoolIdentityPool && c.IdentityPool == nil {
		c.IdentityPool = &config.IdentityPool{Name: "AppIdentityPool"}
	}
	for i := range c.IdentityProviders {
		p := &c.IdentityProviders[i]
		if d, ok := socialDefaults[p.Type]; ok && !had[p.Type] {
			if len(p.Scopes) == 0 {
				p.Scopes = slices.Clone(d.scopes)
			}
			if p.AttributeMapping == nil {
				p.AttributeMapping = map[string]string{}
				for k, v := range d.mapping {
					p.AttributeMapping[k] = v
				}
			}
		}
	}
	for i := range c.AppClients {
		ac := &c.AppClients[i]
		if ac.Name == "" {
			ac.Name = "web"
		}
		if ac.OAuth != nil && i == 0 {
			if len(ac.OAuth.Flows) == 0 {
				ac.OAuth.Flows = []string{"code"}
			}
			if len(ac.OAuth.Scopes) == 0 {
				ac.OAuth.Scopes = []string{"email", "openid", "profile", "aws.cognito.signin.user.admin"}
			}
			idps := []string{"COGNITO"}
			for _, p := range c.IdentityProviders {
				idps = append(idps, p.ProviderName())
			}
			ac.OAuth.IdentityProviders = idps
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
	if c.UserPool.Triggers != nil && reflect.ValueOf(*c.UserPool.Triggers).IsZero() {
		c.UserPool.Triggers = nil
	}
	if c.AdminQueries != nil && !c.AdminQueries.Enabled {
		c.AdminQueries.Group = ""
	}
}

// pending lists the trigger keys the user left empty to fill in later.
func (w *Walker) pending(c *config.Config) []string {
	var out []string
	for _, q := range w.g.Questions {
		if q.As != questions.AsOptional || !w.onPath[q.ID] {
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
