package config

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// FunctionRuntimes are the Lambda runtimes the generated functions may use:
// the Node.js LTS runtimes Lambda supports and has not yet deprecated. Each
// includes the AWS SDK for JavaScript v3, so the functions bundle nothing.
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html
var FunctionRuntimes = []string{"nodejs22.x", "nodejs24.x"}

// combinedTriggers may run the modules of several capabilities in one
// function: each pre sign-up module only checks the request and throws to
// refuse it, so every check applies. The other triggers answer Cognito with
// one decision (a message, a challenge, claims) that two modules would fight over.
var combinedTriggers = map[string]bool{"pre_sign_up": true}

// GeneratedTrigger is a trigger served by a function cogwiz generates: a
// trigger of one or more capabilities whose key under user_pool.triggers
// holds no ARN.
type GeneratedTrigger struct {
	// Key is the trigger's key under user_pool.triggers, e.g. post_confirmation.
	Key string
	// Capabilities are the types of the capabilities it serves, in
	// CapabilityTypes order (Amplify's menu order).
	Capabilities []string
}

// GeneratedTriggers lists the triggers cogwiz generates a function for, in
// LambdaConfig order. A trigger given an ARN is the user's own function
// and is left out. Unknown capability types are ignored (validate reports them).
func GeneratedTriggers(c *Config) []GeneratedTrigger {
	arn := map[string]string{}
	if t := c.UserPool.Triggers; t != nil {
		for _, f := range triggerFields(t) {
			arn[f[0]] = f[1]
		}
	}
	listed := map[string]bool{}
	for _, cp := range c.UserPool.Capabilities {
		listed[cp.Type] = true
	}
	var out []GeneratedTrigger
	for _, key := range TriggerKeys {
		if arn[key] != "" {
			continue
		}
		g := GeneratedTrigger{Key: key}
		for _, typ := range CapabilityTypes {
			if listed[typ] && slices.Contains(capabilityTriggers[typ], key) {
				g.Capabilities = append(g.Capabilities, typ)
			}
		}
		if len(g.Capabilities) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// generatesTrigger reports whether a function cogwiz generates serves the
// trigger key (override_id_token_claims for pre_token_generation, ...).
func generatesTrigger(c *Config, key string) bool {
	return slices.ContainsFunc(GeneratedTriggers(c), func(g GeneratedTrigger) bool { return g.Key == key })
}

// CheckFunctionsSourceDir reports why dir cannot hold the generated
// sources: it must stay inside the directory of cognito.yaml, so a file
// from elsewhere cannot make cogwiz write outside the project.
func CheckFunctionsSourceDir(dir string) error {
	switch {
	case strings.TrimSpace(dir) == "":
		return fmt.Errorf("cannot be empty")
	case filepath.IsAbs(dir) || path.IsAbs(filepath.ToSlash(dir)) || filepath.VolumeName(dir) != "":
		return fmt.Errorf("must be relative to the directory of cognito.yaml")
	}
	clean := path.Clean(filepath.ToSlash(dir))
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return fmt.Errorf("must be a folder inside the directory of cognito.yaml")
	}
	return nil
}

func (v *validator) functions() {
	if f := v.c.Functions; f != nil {
		v.oneOf("functions.runtime", f.Runtime, FunctionRuntimes, true)
		if f.SourceDir != "" {
			if err := CheckFunctionsSourceDir(f.SourceDir); err != nil {
				v.errorf("functions.source_dir", "use a folder below the file's own, e.g. "+DefaultFunctionsDir,
					"source_dir %q %s", f.SourceDir, err)
			}
		}
	}
	for _, g := range GeneratedTriggers(v.c) {
		if len(g.Capabilities) < 2 || combinedTriggers[g.Key] {
			continue
		}
		last := g.Capabilities[len(g.Capabilities)-1]
		v.errorf(v.capabilityPath(last),
			fmt.Sprintf("keep one of them, or set user_pool.triggers.%s to your own function's ARN", g.Key),
			"%s cannot share the generated %s function with %s: each answers Cognito its own way",
			strings.Join(g.Capabilities[1:], ", "), g.Key, g.Capabilities[0])
	}
}

// capabilityPath is the path of the first capability of type typ.
func (v *validator) capabilityPath(typ string) string {
	for i, cp := range v.c.UserPool.Capabilities {
		if cp.Type == typ {
			return fmt.Sprintf("user_pool.capabilities[%d].type", i)
		}
	}
	return "user_pool.capabilities"
}

// capabilityServedBy checks how the triggers of the capability at p are
// served: all by your own functions (ARNs under triggers), all by
// generated ones, or a mix, which breaks flows such as the three auth
// challenge triggers. When cogwiz generates the function, the settings it
// reads must be there. wired maps trigger keys to their ARNs.
func (v *validator) capabilityServedBy(p string, cp Capability, wired map[string]string) {
	var own, generated []string
	for _, key := range capabilityTriggers[cp.Type] {
		if wired[key] != "" {
			own = append(own, key)
		} else {
			generated = append(generated, key)
		}
	}
	switch {
	case len(own) > 0 && len(generated) > 0:
		v.warnf(p, "set all of them to your own functions' ARNs, or remove the ARNs to let cogwiz generate all of them",
			"capability %s runs your function for %s but a generated one for %s; they work as one flow",
			cp.Type, strings.Join(own, ", "), strings.Join(generated, ", "))
	case len(own) > 0:
		// Your own functions serve it, as before cogwiz generated any:
		// its settings are a record of what they do.
	case cp.Type == CapEmailVerificationLink:
		// The generated function writes the email from these two.
		for _, f := range [][2]string{{"email_subject", cp.EmailSubject}, {"email_message", cp.EmailMessage}} {
			if f[1] == "" {
				v.errorf(p+"."+f[0], "write the "+strings.ReplaceAll(f[0], "_", " ")+" of the email that carries the link",
					"email_verification_link needs %s: the generated custom_message function sends it", f[0])
			}
		}
	}
}

// Trigger returns the ARN under key (pre_sign_up, post_confirmation, ...);
// "" for a nil Triggers or a key without one.
func (t *Triggers) Trigger(key string) string {
	if t == nil {
		return ""
	}
	if p := t.field(key); p != nil {
		return *p
	}
	return ""
}

// SetTrigger sets the ARN under key; it reports false for a key that is
// not a trigger.
func (t *Triggers) SetTrigger(key, arn string) bool {
	p := t.field(key)
	if p != nil {
		*p = arn
	}
	return p != nil
}

func (t *Triggers) field(key string) *string {
	switch key {
	case "pre_sign_up":
		return &t.PreSignUp
	case "custom_message":
		return &t.CustomMessage
	case "post_confirmation":
		return &t.PostConfirmation
	case "pre_authentication":
		return &t.PreAuthentication
	case "post_authentication":
		return &t.PostAuthentication
	case "define_auth_challenge":
		return &t.DefineAuthChallenge
	case "create_auth_challenge":
		return &t.CreateAuthChallenge
	case "verify_auth_challenge_response":
		return &t.VerifyAuthChallengeResponse
	case "pre_token_generation":
		return &t.PreTokenGeneration
	case "user_migration":
		return &t.UserMigration
	case "custom_sms_sender":
		return &t.CustomSMSSender
	case "custom_email_sender":
		return &t.CustomEmailSender
	}
	return nil
}
