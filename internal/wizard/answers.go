package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

// answerRules check answers whose form is the wizard's own shorthand
// rather than one config value; everything else goes to config.CheckValue.
var answerRules = map[string]func(string) error{
	"custom_attribute": checkCustomAttributeSpec,
}

// listRules check a multiselect answer as a whole.
var listRules = map[string]func([]string) error{
	"oauth_scopes": checkOAuthScopes,
}

// AnswerRuleNames lists the wizard's own answer rules, for the graph lint.
func AnswerRuleNames() []string {
	var out []string
	for k := range answerRules {
		out = append(out, k)
	}
	for k := range listRules {
		out = append(out, k)
	}
	out = append(out, "capabilities") // checkCapabilities, which needs the walk
	slices.Sort(out)
	return out
}

// parseCustomAttribute reads "name" or "name:Type" (String when no type).
func parseCustomAttribute(s string) (config.CustomAttribute, error) {
	name, typ, hasType := strings.Cut(strings.TrimSpace(s), ":")
	name = strings.TrimPrefix(strings.TrimSpace(name), "custom:")
	typ = strings.TrimSpace(typ)
	if !hasType || typ == "" {
		typ = "String"
	}
	for _, t := range config.CustomAttributeTypes {
		if strings.EqualFold(t, typ) {
			typ = t
		}
	}
	if !slices.Contains(config.CustomAttributeTypes, typ) {
		return config.CustomAttribute{}, fmt.Errorf("type %q is not one of %s", typ, strings.Join(config.CustomAttributeTypes, ", "))
	}
	if err := config.CheckValue("custom_attribute_name", name); err != nil {
		return config.CustomAttribute{}, fmt.Errorf("name %q %w", name, err)
	}
	return config.CustomAttribute{Name: name, Type: typ, Mutable: config.Bool(true)}, nil
}

func checkCustomAttributeSpec(s string) error {
	_, err := parseCustomAttribute(s)
	return err
}

// exclusiveWhy says why a multiselect's exclusive choice stands alone.
func exclusiveWhy(q *questions.Question) string {
	if q.As == questions.AsTriggerModules {
		return "Cognito calls one function per trigger, and the function cogwiz generates for a capability answers " +
			"Cognito its own way; pick one"
	}
	return "pick it alone"
}

// challengeCapabilities both answer Cognito's custom auth challenge, each
// its own way: the generated functions of one cannot serve the other.
var challengeCapabilities = []string{config.CapRecaptcha, config.CapCustomAuthScaffolding}

// checkCapabilities refuses capabilities whose generated functions would
// clash: the two challenge capabilities together, or a newly picked one
// whose triggers already run functions of yours for some of its triggers
// but not all (validate's "they work as one flow").
func (w *Walker) checkCapabilities(picked []string) error {
	if slices.Contains(picked, challengeCapabilities[0]) && slices.Contains(picked, challengeCapabilities[1]) {
		return errors.New("pick one of the reCaptcha challenge and the custom auth scaffolding: both answer Cognito's custom challenge, each its own way")
	}
	c, err := w.Config()
	if err != nil {
		return nil
	}
	had := map[string]bool{}
	if w.opts.Existing != nil {
		for _, cp := range w.opts.Existing.UserPool.Capabilities {
			had[cp.Type] = true
		}
	}
	for _, typ := range picked {
		if had[typ] {
			continue
		}
		var own []string
		keys := config.CapabilityTriggers(typ)
		for _, key := range keys {
			if c.UserPool.Triggers.Trigger(key) != "" {
				own = append(own, key)
			}
		}
		if len(own) > 0 && len(own) < len(keys) {
			return fmt.Errorf("%s works as one flow over %s, and your own function already serves %s; "+
				"answer Yes to the Lambda trigger question to choose per trigger, or remove those ARNs first",
				typ, strings.Join(keys, ", "), strings.Join(own, ", "))
		}
	}
	return nil
}

// scopeDescription is the description cogwiz gives a resource server
// scope it declares (Cognito requires one).
func scopeDescription(name string) string { return name + " access" }

// checkOAuthScopes: at least one scope, and openid with email, phone or
// profile, which only add claims to the ID token that openid brings.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-idp-settings.html
func checkOAuthScopes(scopes []string) error {
	if len(scopes) == 0 {
		return errors.New("select at least one")
	}
	if slices.Contains(scopes, "openid") {
		return nil
	}
	for _, s := range []string{"email", "phone", "profile"} {
		if slices.Contains(scopes, s) {
			return fmt.Errorf("%s needs OpenID: pick OpenID too, or only aws.cognito.signin.user.admin", s)
		}
	}
	return nil
}
