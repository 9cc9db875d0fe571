// Package amplify reads an Amplify Gen 1 auth resource (cli-inputs.json and
// the files around it) into the cogwiz configuration model. Every Amplify
// setting is either carried over or reported with why and what to do; a
// secret value is never copied: it becomes a ${env:NAME} reference.
package amplify

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Options tune an import.
type Options struct {
	// Resource picks one auth resource when the project has several.
	Resource string
	// Env is the Amplify environment: its values are read from
	// team-provider-info.json and its -<env> suffixes are added to names,
	// as Amplify does on deploy.
	Env string
	// DeploymentSecrets is Amplify's per-user secrets file
	// (~/.aws/amplify/deployment-secrets.json); "" skips it. Only the
	// non-secret parts (client ids, Apple team and key ids) are read from it.
	DeploymentSecrets string
}

// DefaultDeploymentSecrets is where the Amplify CLI keeps provider credentials.
func DefaultDeploymentSecrets() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".aws", "amplify", "deployment-secrets.json")
}

// MultipleResourcesError is returned by Import when the project has more
// than one auth resource and none was chosen.
type MultipleResourcesError struct{ Names []string }

func (e *MultipleResourcesError) Error() string {
	return fmt.Sprintf("the project has %d auth resources (%s): choose one with --resource NAME",
		len(e.Names), strings.Join(e.Names, ", "))
}

// Import finds the auth resource under path and converts it.
func Import(path string, opts Options) (*Result, error) {
	res, err := FindResources(path)
	if err != nil {
		return nil, err
	}
	r, err := Pick(res, opts.Resource)
	if err != nil {
		return nil, err
	}
	return ImportResource(r, opts)
}

// Pick chooses the resource named name, or the only one when name is "".
func Pick(res []Resource, name string) (Resource, error) {
	names := make([]string, len(res))
	for i, r := range res {
		names[i] = r.Name
		if name != "" && r.Name == name {
			return r, nil
		}
	}
	if name != "" {
		return Resource{}, fmt.Errorf("no auth resource named %q: the project has %s", name, strings.Join(names, ", "))
	}
	if len(res) == 1 {
		return res[0], nil
	}
	return Resource{}, &MultipleResourcesError{Names: names}
}

// ImportResource converts one auth resource.
func ImportResource(res Resource, opts Options) (*Result, error) {
	data, err := os.ReadFile(res.File)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", res.File, errors.Unwrap(err))
	}
	in, err := parseInputs(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", res.File, err)
	}
	tpi, err := readTeamProviderInfo(res.Root)
	if err != nil {
		return nil, err
	}
	im := &importer{in: in, res: res, opts: opts, tpi: tpi, r: &Result{Resource: res}}
	if err := im.run(); err != nil {
		return nil, fmt.Errorf("%s: %w", res.File, err)
	}
	return im.r, nil
}

type importer struct {
	in   *inputs
	res  Resource
	opts Options
	tpi  teamProviderInfo
	env  string
	r    *Result
	c    *config.Config
	// name is the resource name, used for Amplify's function names.
	name string
	// fnNames maps a trigger key to its Lambda function's name.
	fnNames map[string]string
}

func (im *importer) run() error {
	in := im.in
	im.c = &config.Config{Version: config.CurrentVersion}
	im.r.Config = im.c
	im.pickEnv()

	in.mark("version")
	in.mark("serviceName")
	if s := in.str("serviceName"); s != "" && s != "Cognito" {
		return fmt.Errorf("serviceName is %q: only Cognito auth resources can be imported", s)
	}
	im.name = in.str("resourceName")
	if im.name == "" {
		im.name = im.res.Name
	}
	im.c.ResourceName = im.name

	switch sel := in.str("authSelections"); sel {
	case "identityPoolOnly":
		return errors.New("authSelections is identityPoolOnly: cogwiz configures a user pool, and this resource has none")
	case "userPoolOnly":
		im.c.Services = config.ServicesUserPool
	default:
		im.c.Services = config.ServicesUserPoolIdentityPool
	}
	// The mode only decided which questions were asked; the answers are the other keys.
	in.mark("useDefault")

	steps := []func() error{
		im.userPool, im.signIn, im.attributes, im.verification, im.mfa, im.password,
		im.groups, im.adminQueries, im.triggers, im.clients, im.oauth, im.identityPool,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	im.internals()
	for _, k := range in.unseen() {
		in.mark(k)
		im.r.drop(k, "cogwiz does not know this Amplify setting",
			"check what it does and set the matching key of cognito.yaml by hand (cogwiz explain lists them)")
	}
	return nil
}

// pickEnv chooses the environment whose team-provider-info values are read.
func (im *importer) pickEnv() {
	im.env = im.opts.Env
	if im.env == "" && len(im.tpi) == 1 {
		im.env = im.tpi.envs()[0]
		im.r.note("read the values of environment %q from team-provider-info.json; names are kept without Amplify's -%s suffix (pass --env %s to add it)", im.env, im.env, im.env)
	} else if im.env == "" {
		im.r.note("names are kept as written; Amplify deploys them with an -<env> suffix (pass --env NAME to match a deployed environment)")
	}
	im.r.Env = im.env
}

// suffix adds Amplify's deploy-time environment suffix when --env was given.
func (im *importer) suffix(name, sep string) string {
	if im.opts.Env == "" || name == "" {
		return name
	}
	return name + sep + im.opts.Env
}

func (im *importer) truncated() string {
	if t := im.in.str("resourceNameTruncated"); t != "" {
		return t
	}
	return im.name
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// internals reports the keys that only wire Amplify's own stacks together.
func (im *importer) internals() {
	in := im.in
	internal := []struct{ key, why string }{
		{"resourceNameTruncated", "Amplify's short name prefix for generated resources"},
		{"sharedId", "Amplify's random suffix for generated names"},
		{"authRoleArn", "the identity pool's authenticated IAM role, created by Amplify's root stack"},
		{"unauthRoleArn", "the identity pool's guest IAM role, created by Amplify's root stack"},
		{"userpoolClientLambdaRole", "the IAM role of the custom-resource Lambda Amplify runs for its app clients"},
		{"breakCircularDependency", "how Amplify wires triggers inside CloudFormation"},
		{"parentStack", "Amplify's nested-stack wiring"},
		{"dependsOn", "Amplify's links from the auth stack to the trigger functions"},
		{"permissions", "IAM permissions Amplify grants its trigger functions"},
		{"lambdaLayers", "Lambda layers of Amplify's trigger functions"},
		{"verificationBucketName", "the S3 bucket Amplify creates to host the page its verification-link emails open"},
		{"userpoolClientName", "the client name prefix of older Amplify versions; the clients are named <name>_app_client(Web) as Amplify names them today"},
	}
	// Older projects also list the names of the IAM roles and policies
	// Amplify generated for its custom-resource Lambdas and SMS.
	for _, k := range []string{"roleName", "roleExternalId", "policyName", "mfaLambdaRole", "mfaLambdaLogPolicy", "mfaPassRolePolicy",
		"mfaLambdaIAMPolicy", "userpoolClientLogPolicy", "userpoolClientLambdaPolicy", "lambdaLogPolicy", "openIdLambdaRoleName",
		"openIdRolePolicy", "openIdLambdaIAMPolicy", "openIdLogPolicy"} {
		internal = append(internal, struct{ key, why string }{k, "the name of an IAM role or policy Amplify generated for its custom-resource Lambdas"})
	}
	for _, k := range internal {
		if in.has(k.key) && !in.seen[k.key] {
			in.mark(k.key)
			do := "nothing to do: cogwiz calls Cognito directly"
			switch k.key {
			case "authRoleArn", "unauthRoleArn":
				do = "keep the roles; attach them to the identity pool outside cogwiz"
			case "dependsOn", "permissions", "lambdaLayers":
				do = "keep the functions; cogwiz wires them by ARN under user_pool.triggers"
			case "verificationBucketName":
				do = "keep the bucket and its page: cogwiz does not create them; the capability's redirect_url still points there"
			case "userpoolClientName":
				do = "rename app_clients[].name if your deployed clients are named differently"
			case "roleExternalId":
				do = "use it as user_pool.sms.external_id if the pool sends SMS through that role"
			}
			im.r.drop(k.key, k.why, do)
		}
	}
}

// decodeJSONList reads a value that is a JSON list, a JSON string holding
// a list, or a list of JSON strings (authTriggerConnections has all three).
func decodeJSONList(v json.RawMessage) ([]json.RawMessage, error) {
	var s string
	if json.Unmarshal(v, &s) == nil {
		v = json.RawMessage(s)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		var one json.RawMessage
		if json.Unmarshal(v, &one) != nil {
			return nil, err
		}
		items = []json.RawMessage{one}
	}
	out := make([]json.RawMessage, 0, len(items))
	for _, it := range items {
		if json.Unmarshal(it, &s) == nil {
			it = json.RawMessage(s)
		}
		out = append(out, it)
	}
	return out, nil
}
