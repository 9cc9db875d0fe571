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
// than one auth resource Amplify deploys and none was chosen.
type MultipleResourcesError struct {
	// Names are the resources to choose from.
	Names []string
	// Resources describes them, from backend-config.json.
	Resources []Resource
}

func (e *MultipleResourcesError) Error() string {
	return fmt.Sprintf("the project has %d auth resources (%s): choose one with --resource NAME%s",
		len(e.Names), strings.Join(e.Names, ", "), describeResources(e.Resources))
}

// describeResources says which resources backend-config.json deploys,
// with their groups, and which folders it does not deploy.
func describeResources(res []Resource) string {
	var deployed, stale []string
	known := false
	for _, r := range res {
		known = known || r.Stale || r.Imported || len(r.Groups) > 0
		switch {
		case r.Stale:
			stale = append(stale, r.Name)
		case r.Imported:
			deployed = append(deployed, r.Name+" (an imported pool)")
		case len(r.Groups) > 0:
			deployed = append(deployed, r.Name+" (with groups "+strings.Join(r.Groups, ", ")+")")
		default:
			deployed = append(deployed, r.Name)
		}
	}
	if !known {
		return ""
	}
	s := "; " + backendConfigName + " deploys " + orNone(deployed)
	if len(stale) > 0 {
		s += "; it does not list " + strings.Join(stale, ", ") + ", so Amplify does not deploy " + map[bool]string{true: "them", false: "it"}[len(stale) > 1]
	}
	return s
}

const backendConfigName = "backend-config.json"

func orNone(list []string) string {
	if len(list) == 0 {
		return "none of them"
	}
	return strings.Join(list, ", ")
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

// Pick chooses the resource named name, or the only one Amplify deploys
// when name is "" (a folder backend-config.json does not list is left
// behind, not deployed).
func Pick(res []Resource, name string) (Resource, error) {
	names := make([]string, len(res))
	var live []Resource
	for i, r := range res {
		names[i] = r.Name
		if name != "" && r.Name == name {
			return r, nil
		}
		if !r.Stale {
			live = append(live, r)
		}
	}
	if name != "" {
		return Resource{}, fmt.Errorf("no auth resource named %q: the project has %s%s", name, strings.Join(names, ", "), describeResources(res))
	}
	if len(res) == 1 {
		return res[0], nil
	}
	if len(live) == 1 {
		return live[0], nil
	}
	if len(live) == 0 {
		live = res
	}
	e := &MultipleResourcesError{Resources: res}
	for _, r := range live {
		e.Names = append(e.Names, r.Name)
	}
	return Resource{}, e
}

// ImportResource converts one auth resource.
func ImportResource(res Resource, opts Options) (*Result, error) {
	im, err := newImporter(res, opts)
	if err != nil {
		return nil, err
	}
	if err := im.run(); err != nil {
		return nil, fmt.Errorf("%s: %w", res.File, err)
	}
	return im.r, nil
}

// newImporter reads the resource and the project files around it.
func newImporter(res Resource, opts Options) (*importer, error) {
	data, err := readFile(res.File)
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
	if im.flags, err = readFeatureFlags(res.Root); err != nil {
		return nil, err
	}
	im.legacy = filepath.Base(res.File) == legacyParams
	if im.legacy {
		if t := findTemplate(filepath.Dir(res.File)); t != "" {
			if im.tmpl, err = readTemplate(t); err != nil {
				// The settings it decides fall back to what the legacy
				// generator wrote; say so rather than stop.
				im.r.note("could not read the committed template (%v); its settings are taken as Amplify's legacy templates wrote them", err)
			}
		}
	}
	return im, nil
}

type importer struct {
	in  *inputs
	res Resource
	// legacy: the resource has only parameters.json, from before cli-inputs.json.
	legacy bool
	// tmpl is what the committed template of a legacy resource deploys;
	// nil for cli-inputs.json resources (amplify-cli regenerates their
	// template on every push) and when none is committed.
	tmpl *templateFacts
	// flags are the project's feature flags (amplify/cli.json).
	flags featureFlags
	opts  Options
	tpi   teamProviderInfo
	env   string
	r     *Result
	c     *config.Config
	// name is the resource name, used for Amplify's function names.
	name string
	// fnNames maps a trigger key to its Lambda function's name.
	fnNames map[string]string
	// incomplete marks capabilities whose settings were not found.
	incomplete map[string]bool
}

func (im *importer) run() error {
	in := im.in
	im.c = &config.Config{Version: config.CurrentVersion}
	im.r.Config = im.c
	if err := im.checkEnv(); err != nil {
		return err
	}
	im.pickEnv()
	if im.res.Stale {
		im.r.note("%s does not list %s, so Amplify does not deploy it: this file describes the folder as it stands", backendConfigName, im.res.Name)
	}

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
	// The mode only decided which questions were asked; the answers are the
	// other keys. It is kept so that cogwiz update offers Amplify's menu
	// from the same starting point.
	switch in.str("useDefault") {
	case "default":
		im.c.Mode = config.ModeDefault
	case "defaultSocial":
		im.c.Mode = config.ModeDefaultSocial
	case "manual":
		im.c.Mode = config.ModeManual
	}
	in.mark("useDefault")
	if in.str("serviceType") == serviceImported || im.res.Imported {
		return im.imported()
	}

	steps := []func() error{
		im.userPool, im.signIn, im.attributes, im.verification, im.mfa, im.smsStep, im.password,
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
	switch envs := im.tpi.envs(); {
	case im.env == "" && len(envs) == 1:
		im.env = envs[0]
		im.r.note("read the values of environment %q from team-provider-info.json; names are kept without Amplify's -%s suffix (pass --env %s to add it)", im.env, im.env, im.env)
	case im.env == "" && len(envs) > 1:
		im.r.note("team-provider-info.json has %d environments (%s): values they all agree on are taken, and the ones that differ are listed; names are kept without Amplify's -<env> suffix (pass --env NAME to match one environment)", len(envs), strings.Join(envs, ", "))
	case im.env == "":
		im.r.note("names are kept as written; Amplify deploys them with an -<env> suffix (pass --env NAME to match a deployed environment)")
	}
	im.r.Env = im.env
}

func (im *importer) smsStep() error {
	im.sms()
	return nil
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
