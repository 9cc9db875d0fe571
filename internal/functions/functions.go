// Package functions turns the capabilities of cognito.yaml into Lambda
// trigger functions the user owns: Node.js sources generated once into the
// project (one folder per trigger, an index.mjs that runs one module per
// capability, as Amplify's trigger template did) and the description of each
// function — name, runtime, environment, permissions — that plan, apply and
// export compute from the model alone.
//
// The sources are the user's from the moment they are written: Generate
// records what it wrote in a manifest beside them and never overwrites a
// file whose content differs from that record.
package functions

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Handler is the entry point of every generated function: the handler
// export of index.mjs.
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
const Handler = "index.handler"

// Function is one generated trigger function.
type Function struct {
	// Trigger is its key under user_pool.triggers, e.g. post_confirmation.
	Trigger string
	// Capabilities are the capability types it serves, in Amplify's order.
	Capabilities []string
	// Dir is its source folder relative to the directory of cognito.yaml,
	// with forward slashes: cognito-functions/post_confirmation.
	Dir string
	// Files are the files Generate writes into Dir: index.mjs first, then
	// one module per capability.
	Files []string
	// Name is the Lambda function name; the execution role has the same name.
	Name    string
	Runtime string
	Handler string
	// Env are the environment variables, sorted by name. A secret stays a
	// ${env:NAME} reference here; apply resolves it.
	Env []EnvVar
	// Actions are the Cognito actions the function calls on this pool,
	// beyond writing its logs.
	Actions []string
}

// EnvVar is one environment variable of a function.
type EnvVar struct {
	Name  string
	Value string
}

// module is how one capability takes part in one trigger's function.
type module struct {
	// file is the module's template below templates/<trigger>/.
	file string
	// env reads the capability's settings as environment variables.
	env func(config.Capability) []EnvVar
}

// modules maps a capability and each of its triggers to the module that
// implements it. reCAPTCHA and the custom auth scaffolding share the
// define step: both are a password followed by one custom challenge.
var modules = map[string]map[string]module{
	config.CapRecaptcha: {
		"define_auth_challenge":          {file: "password-then-custom-challenge.mjs"},
		"create_auth_challenge":          {file: "recaptcha.mjs"},
		"verify_auth_challenge_response": {file: "recaptcha.mjs", env: recaptchaEnv},
	},
	config.CapCustomAuthScaffolding: {
		"define_auth_challenge":          {file: "password-then-custom-challenge.mjs"},
		"create_auth_challenge":          {file: "custom-auth-scaffolding.mjs"},
		"verify_auth_challenge_response": {file: "custom-auth-scaffolding.mjs"},
	},
	config.CapEmailVerificationLink: {
		"custom_message": {file: "email-verification-link.mjs", env: verificationLinkEnv},
	},
	config.CapAddUserToGroup: {
		"post_confirmation": {file: "add-user-to-group.mjs", env: func(c config.Capability) []EnvVar {
			return []EnvVar{{"GROUP", c.Group}}
		}},
	},
	config.CapEmailDomainDenylist: {
		"pre_sign_up": {file: "email-domain-denylist.mjs", env: func(c config.Capability) []EnvVar {
			return []EnvVar{{"DOMAINDENYLIST", strings.Join(c.Domains, ",")}}
		}},
	},
	config.CapEmailDomainAllowlist: {
		"pre_sign_up": {file: "email-domain-allowlist.mjs", env: func(c config.Capability) []EnvVar {
			return []EnvVar{{"DOMAINALLOWLIST", strings.Join(c.Domains, ",")}}
		}},
	},
	config.CapOverrideIDTokenClaims: {
		"pre_token_generation": {file: "override-id-token-claims.mjs"},
	},
}

// The environment variable names are Amplify's, so a function moved over
// from an Amplify project reads the same settings.
func recaptchaEnv(c config.Capability) []EnvVar {
	return []EnvVar{{"RECAPTCHASECRET", c.Secret}}
}

func verificationLinkEnv(c config.Capability) []EnvVar {
	return []EnvVar{{"REDIRECTURL", c.RedirectURL}, {"EMAILSUBJECT", c.EmailSubject}, {"EMAILMESSAGE", c.EmailMessage}}
}

// Functions lists the functions cogwiz generates for c, in LambdaConfig
// order: one per capability trigger that holds no ARN.
func Functions(c *config.Config) []Function {
	var out []Function
	for _, g := range config.GeneratedTriggers(c) {
		f := Function{
			Trigger:      g.Key,
			Capabilities: g.Capabilities,
			Dir:          path.Join(SourceDir(c), g.Key),
			Files:        []string{"index.mjs"},
			Name:         FunctionName(c.ResourceName, g.Key),
			Runtime:      c.FunctionsRuntime(),
			Handler:      Handler,
		}
		for _, typ := range g.Capabilities {
			m := modules[typ][g.Key]
			if !slices.Contains(f.Files, m.file) {
				f.Files = append(f.Files, m.file)
			}
			if m.env != nil {
				f.Env = append(f.Env, m.env(capability(c, typ))...)
			}
			f.Actions = append(f.Actions, actions(c, typ)...)
		}
		slices.SortFunc(f.Env, func(a, b EnvVar) int { return strings.Compare(a.Name, b.Name) })
		out = append(out, f)
	}
	return out
}

// actions are the Cognito calls a capability's module makes. The group of
// add_user_to_group is created by the function only when cognito.yaml does
// not declare it (cogwiz creates the declared ones), so only then may the
// function create groups.
func actions(c *config.Config, typ string) []string {
	if typ != config.CapAddUserToGroup {
		return nil
	}
	a := []string{"cognito-idp:AdminAddUserToGroup"}
	group := capability(c, typ).Group
	if !slices.ContainsFunc(c.UserPool.Groups, func(g config.Group) bool { return g.Name == group }) {
		a = append(a, "cognito-idp:CreateGroup")
	}
	return a
}

func capability(c *config.Config, typ string) config.Capability {
	for _, cp := range c.UserPool.Capabilities {
		if cp.Type == typ {
			return cp
		}
	}
	return config.Capability{Type: typ}
}

// maxNameLen is the longest Lambda function name (and IAM role name).
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-FunctionName
const maxNameLen = 64

// FunctionName is the Lambda function of a trigger: the resource name and
// the trigger in Amplify's spelling, e.g. AppAuthPostConfirmation. A
// resource name too long for Lambda's 64 characters is shortened and a
// hash of it keeps two such names apart.
func FunctionName(resourceName, trigger string) string {
	var t strings.Builder
	for _, part := range strings.Split(trigger, "_") {
		if part != "" {
			t.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	suffix := t.String()
	if len(resourceName)+len(suffix) <= maxNameLen {
		return resourceName + suffix
	}
	sum := sha256.Sum256([]byte(resourceName))
	tag := hex.EncodeToString(sum[:4])
	keep := maxNameLen - len(suffix) - len(tag)
	return resourceName[:keep] + tag + suffix
}

// SourceDir is the folder of the generated sources (functions.source_dir),
// with forward slashes and no ./ or trailing /: each function's Dir is
// SourceDir/<trigger>.
func SourceDir(c *config.Config) string { return slashDir(c.FunctionsSourceDir()) }

// slashDir is a source_dir written with forward slashes and no ./ or trailing /.
func slashDir(dir string) string {
	return path.Clean(strings.ReplaceAll(dir, `\`, "/"))
}
