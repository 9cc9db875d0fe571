package amplify

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// triggerKeys maps Amplify's trigger keys to cognito.yaml's. Amplify spells
// the pre sign-up trigger PreSignup; the API calls it PreSignUp.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
var triggerKeys = map[string]string{
	"CreateAuthChallenge":         "create_auth_challenge",
	"CustomMessage":               "custom_message",
	"DefineAuthChallenge":         "define_auth_challenge",
	"PostAuthentication":          "post_authentication",
	"PostConfirmation":            "post_confirmation",
	"PreAuthentication":           "pre_authentication",
	"PreSignup":                   "pre_sign_up",
	"PreSignUp":                   "pre_sign_up",
	"PreTokenGeneration":          "pre_token_generation",
	"VerifyAuthChallengeResponse": "verify_auth_challenge_response",
}

// moduleCapabilities maps Amplify's trigger template modules back to the
// capability that added them.
var moduleCapabilities = map[string]string{
	"captcha-define-challenge":      config.CapRecaptcha,
	"captcha-create-challenge":      config.CapRecaptcha,
	"captcha-verify":                config.CapRecaptcha,
	"verification-link":             config.CapEmailVerificationLink,
	"add-to-group":                  config.CapAddUserToGroup,
	"email-filter-denylist":         config.CapEmailDomainDenylist,
	"email-filter-denylist-legacy":  config.CapEmailDomainDenylist,
	"email-filter-allowlist":        config.CapEmailDomainAllowlist,
	"email-filter-allowlist-legacy": config.CapEmailDomainAllowlist,
	"boilerplate-define-challenge":  config.CapCustomAuthScaffolding,
	"boilerplate-create-challenge":  config.CapCustomAuthScaffolding,
	"boilerplate-verify":            config.CapCustomAuthScaffolding,
	"alter-claims":                  config.CapOverrideIDTokenClaims,
}

// capabilityOrder is Amplify's menu order, used to list capabilities stably.
var capabilityOrder = []string{
	config.CapRecaptcha, config.CapEmailVerificationLink, config.CapAddUserToGroup,
	config.CapEmailDomainDenylist, config.CapEmailDomainAllowlist,
	config.CapCustomAuthScaffolding, config.CapOverrideIDTokenClaims,
}

func (im *importer) triggers() error {
	in := im.in
	var trig map[string][]string
	if err := in.embedded("triggers", &trig); err != nil {
		return fmt.Errorf("triggers: %w", err)
	}
	im.fnNames = map[string]string{}
	im.readConnections()
	if len(trig) == 0 {
		return nil
	}
	caps := map[string]*config.Capability{}
	im.incomplete = map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(trig)) {
		yamlKey, ok := triggerKeys[key]
		if !ok {
			im.r.drop("triggers."+key, "not a Cognito trigger Amplify knows", "set the matching user_pool.triggers key to the function's ARN by hand")
			continue
		}
		fn := im.fnNames[strings.Replace(key, "PreSignUp", "PreSignup", 1)]
		if fn == "" {
			fn = im.name + key
		}
		var custom []string
		for _, mod := range trig[key] {
			capType, ok := moduleCapabilities[mod]
			if !ok {
				custom = append(custom, mod)
				continue
			}
			if caps[capType] == nil {
				caps[capType] = &config.Capability{Type: capType}
			}
			im.capabilitySettings(caps[capType], key, fn)
		}
		do := fmt.Sprintf("set user_pool.triggers.%s to its ARN (arn:aws:lambda:REGION:ACCOUNT:function:%s)", yamlKey, im.suffix(fn, "-"))
		if len(custom) > 0 {
			do += fmt.Sprintf("; its own code (module %s) stays in amplify/backend/function/%s/src", strings.Join(custom, ", "), fn)
		}
		im.r.drop("triggers."+key, fmt.Sprintf("Amplify deploys the Lambda function %s, so its ARN is not in the project", fn), do)
	}
	for _, t := range capabilityOrder {
		if c := caps[t]; c != nil && !im.incomplete[t] {
			im.c.UserPool.Capabilities = append(im.c.UserPool.Capabilities, *c)
		}
	}
	return nil
}

// capabilitySettings fills a capability from the trigger function's
// environment values in team-provider-info.json, taking a value every
// environment agrees on. A capability whose setting is not found is left
// out of the file (cognito.yaml needs the setting) and reported.
func (im *importer) capabilitySettings(c *config.Capability, triggerKey, fn string) {
	get := func(keys ...string) (string, bool) {
		for _, k := range keys {
			v, differs := im.agreed(func(env string) string {
				s, _ := im.tpi.values(env, "function", fn)[k].(string)
				return s
			})
			if differs != nil {
				if k != "EMAILSUBJECT" && k != "EMAILMESSAGE" {
					im.incomplete[c.Type] = true // the capability needs it
				}
				im.differ(fn+" "+k, "user_pool.capabilities[type="+c.Type+"]", differs)
				return "", true // reported; not missing
			}
			if v != "" {
				return v, true
			}
		}
		return "", false
	}
	missing := func(envVar, yamlKey string) {
		where := "team-provider-info.json has no value for it"
		if len(im.tpi) == 0 {
			where = "its value lives in team-provider-info.json, per environment, which is not in the project"
		}
		if yamlKey == "email_subject" || yamlKey == "email_message" {
			im.r.drop(fn+" "+envVar, where, "set user_pool.capabilities[type="+c.Type+"]."+yamlKey)
			return
		}
		im.incomplete[c.Type] = true
		im.r.drop(fn+" "+envVar, where+", and the "+c.Type+" capability needs it, so the capability is left out of the file",
			"add it under user_pool.capabilities with type: "+c.Type+" and "+yamlKey+": <the function's "+envVar+">")
	}
	switch c.Type {
	case config.CapAddUserToGroup:
		if c.Group == "" {
			if s, ok := get("GROUP"); ok {
				c.Group = s
			} else {
				missing("GROUP", "group")
			}
		}
	case config.CapEmailDomainDenylist, config.CapEmailDomainAllowlist:
		if c.Domains != nil {
			return
		}
		keys := []string{"DOMAINDENYLIST", "DOMAINBLACKLIST"}
		if c.Type == config.CapEmailDomainAllowlist {
			keys = []string{"DOMAINALLOWLIST", "DOMAINWHITELIST"}
		}
		if s, ok := get(keys...); ok {
			for _, d := range strings.Split(s, ",") {
				if d = strings.TrimSpace(d); d != "" {
					c.Domains = append(c.Domains, d)
				}
			}
		} else {
			missing(keys[0], "domains")
		}
	case config.CapEmailVerificationLink:
		if c.RedirectURL != "" || triggerKey != "CustomMessage" {
			return
		}
		for _, f := range []struct {
			env, key string
			dst      *string
		}{{"REDIRECTURL", "redirect_url", &c.RedirectURL}, {"EMAILSUBJECT", "email_subject", &c.EmailSubject}, {"EMAILMESSAGE", "email_message", &c.EmailMessage}} {
			if s, ok := get(f.env); ok {
				*f.dst = s
			} else {
				missing(f.env, f.key)
			}
		}
	case config.CapRecaptcha:
		// The reCaptcha secret is never copied, wherever Amplify kept it.
		c.Secret = im.r.secret(config.SecretEnvName("recaptcha", "secret"), "Google reCaptcha secret key")
	}
}

// readConnections reads authTriggerConnections (Amplify writes a list of
// JSON strings, one JSON string, or plain objects) for the function names.
func (im *importer) readConnections() {
	in := im.in
	in.mark("authTriggerConnections")
	v, ok := in.raw["authTriggerConnections"]
	if !ok {
		return
	}
	items, err := decodeJSONList(v)
	if err != nil {
		im.r.drop("authTriggerConnections", "not in a shape Amplify writes", "set the ARNs under user_pool.triggers by hand")
		return
	}
	for _, it := range items {
		var c struct {
			TriggerType        string `json:"triggerType"`
			LambdaFunctionName string `json:"lambdaFunctionName"`
		}
		if json.Unmarshal(it, &c) != nil || c.TriggerType == "" {
			continue
		}
		key := c.TriggerType
		if key == "PreSignUp" {
			key = "PreSignup"
		}
		im.fnNames[key] = c.LambdaFunctionName
	}
	im.r.drop("authTriggerConnections", "how Amplify attaches its trigger functions to the pool after deploy",
		"cogwiz attaches them by ARN: see the triggers lines")
}
