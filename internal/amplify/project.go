package amplify

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files Amplify Gen 1 keeps its auth resource in.
const (
	inputsFile     = "cli-inputs.json"
	legacyParams   = "parameters.json" // projects from before cli-inputs.json
	authDir        = "amplify/backend/auth"
	groupsDir      = "userPoolGroups"
	precedenceFile = "user-pool-group-precedence.json"
	teamProvider   = "amplify/team-provider-info.json"
	backendConfig  = "amplify/backend/backend-config.json"
	cliJSON        = "amplify/cli.json"
	amplifyMeta    = "amplify/backend/amplify-meta.json"
	buildDir       = "build"
)

// Resource is one auth resource of an Amplify project.
type Resource struct {
	// Name is the resource's friendly name (its folder name).
	Name string
	// File is its cli-inputs.json (or parameters.json in old projects).
	File string
	// Root is the project root, "" when only the file was given.
	Root string
	// Stale: backend-config.json does not list the resource, so Amplify
	// no longer deploys it (a folder left behind after amplify remove auth).
	Stale bool
	// Imported: Amplify imported an existing pool (serviceType imported in
	// backend-config.json or parameters.json) and deploys nothing for it.
	Imported bool
	// Groups are the user pool groups backend-config.json deploys with this
	// resource (its userPoolGroups entry depends on it).
	Groups []string
}

// FindResources lists the auth resources under path. path is a project
// root, a resource folder, or one cli-inputs.json.
func FindResources(path string) ([]Resource, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist: pass the Amplify project's root folder, its auth resource folder or its cli-inputs.json", path)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, errors.Unwrap(err))
	}
	one := func(file string) ([]Resource, error) {
		r := []Resource{resourceForFile(file)}
		return r, annotate(r, r[0].Root)
	}
	if !st.IsDir() {
		return one(path)
	}
	for _, name := range []string{inputsFile, legacyParams} {
		if f := filepath.Join(path, name); fileExists(f) {
			return one(f)
		}
	}
	dir := filepath.Join(path, filepath.FromSlash(authDir))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is not an Amplify project: it has no %s folder", path, authDir)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var out []Resource
	for _, e := range entries {
		if !e.IsDir() || e.Name() == groupsDir {
			continue
		}
		for _, name := range []string{inputsFile, legacyParams} {
			if f := filepath.Join(dir, e.Name(), name); fileExists(f) {
				out = append(out, Resource{Name: e.Name(), File: f, Root: path})
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no auth resource: no %s/*/%s", path, authDir, inputsFile)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	if err := annotate(out, path); err != nil {
		return nil, err
	}
	return out, nil
}

// annotate marks, from backend-config.json, which resources Amplify
// deploys, which are imported pools, and which one owns the groups. A
// project without the file is left as found.
func annotate(res []Resource, root string) error {
	bc, err := readBackendConfig(root)
	if err != nil || bc == nil {
		return err
	}
	var groups []string
	if prec, _, err := readPrecedence(root); err == nil {
		for _, g := range prec {
			if g.GroupName != "" {
				groups = append(groups, g.GroupName)
			}
		}
	}
	for i := range res {
		r := &res[i]
		e, ok := bc.Auth[r.Name]
		r.Stale = !ok || e.Service != serviceCognito
		r.Imported = ok && e.ServiceType == serviceImported
		if r.Name == bc.groupsOwner() {
			r.Groups = groups
		}
	}
	return nil
}

// resourceForFile places a cli-inputs.json given directly: when it sits at
// amplify/backend/auth/<name>/, the project root is four levels up.
func resourceForFile(file string) Resource {
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	resDir := filepath.Dir(abs)
	r := Resource{Name: filepath.Base(resDir), File: file}
	auth := filepath.Dir(resDir)
	backend := filepath.Dir(auth)
	amp := filepath.Dir(backend)
	if filepath.Base(auth) == "auth" && filepath.Base(backend) == "backend" && filepath.Base(amp) == "amplify" {
		r.Root = filepath.Dir(amp)
	}
	return r
}

// backendConfigFile is amplify/backend/backend-config.json: what Amplify
// deploys. Its auth entries are written by amplify-category-auth
// (service "Cognito", serviceType "imported" for an imported pool in
// src/provider-utils/awscloudformation/import/index.ts; the groups stack as
// userPoolGroups, service "Cognito-UserPool-Groups", depending on the auth
// resource, in utils/synthesize-resources.ts).
type backendConfigFile struct {
	Auth map[string]struct {
		Service     string `json:"service"`
		ServiceType string `json:"serviceType"`
		DependsOn   []struct {
			Category     string `json:"category"`
			ResourceName string `json:"resourceName"`
		} `json:"dependsOn"`
	} `json:"auth"`
}

const (
	serviceCognito  = "Cognito"
	serviceGroups   = "Cognito-UserPool-Groups"
	serviceImported = "imported"
)

// groupsOwner is the auth resource the groups stack belongs to, "" when
// Amplify deploys no groups.
func (b *backendConfigFile) groupsOwner() string {
	for _, e := range b.Auth {
		if e.Service != serviceGroups {
			continue
		}
		for _, d := range e.DependsOn {
			if d.Category == "auth" {
				return d.ResourceName
			}
		}
	}
	return ""
}

func readBackendConfig(root string) (*backendConfigFile, error) {
	var b backendConfigFile
	if ok, err := readProjectJSON(root, backendConfig, &b); !ok {
		return nil, err
	}
	return &b, nil
}

// readProjectJSON decodes the project file rel (slash-separated, under
// root) into v. A project given without its root, or without the file,
// reads as not found (false, nil).
func readProjectJSON(root, rel string, v any) (bool, error) {
	if root == "" {
		return false, nil
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	data, err := readFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", p, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("%s: %w", p, err)
	}
	return true, nil
}

// findTemplate is the CloudFormation template Amplify deploys the
// resource from: build/ when it holds one, else the resource folder, as
// getCfnFiles in amplify-provider-awscloudformation/src/push-resources.ts
// picks them (glob *template*.+(yaml|yml|json), without the auth trigger
// template). "" when there is none.
func findTemplate(resDir string) string {
	for _, dir := range []string{filepath.Join(resDir, buildDir), resDir} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			ext := filepath.Ext(n)
			if e.IsDir() || !strings.Contains(strings.TrimSuffix(n, ext), "template") || n == "auth-trigger-cloudformation-template.json" {
				continue
			}
			if ext == ".json" || ext == ".yml" || ext == ".yaml" {
				return filepath.Join(dir, n)
			}
		}
	}
	return ""
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// groupPrecedence is one entry of user-pool-group-precedence.json.
type groupPrecedence struct {
	GroupName  string `json:"groupName"`
	Precedence *int   `json:"precedence"`
	// Other keys (customPolicies, written by hand) are reported.
	extra []string
}

func readPrecedence(root string) ([]groupPrecedence, string, error) {
	if root == "" {
		return nil, "", nil
	}
	p := filepath.Join(root, filepath.FromSlash(authDir), groupsDir, precedenceFile)
	data, err := readFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, p, fmt.Errorf("read %s: %w", p, err)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, p, fmt.Errorf("%s: not a JSON list of groups: %w", p, err)
	}
	out := make([]groupPrecedence, 0, len(raw))
	for _, m := range raw {
		var g groupPrecedence
		_ = json.Unmarshal(m["groupName"], &g.GroupName)
		if v, ok := m["precedence"]; ok {
			var n int
			if json.Unmarshal(v, &n) == nil {
				g.Precedence = &n
			}
		}
		for k := range m {
			if k != "groupName" && k != "precedence" {
				g.extra = append(g.extra, k)
			}
		}
		sort.Strings(g.extra)
		out = append(out, g)
	}
	return out, p, nil
}

// teamProviderInfo is amplify/team-provider-info.json:
// env → {awscloudformation: {StackId...}, categories: {category: {resource: {KEY: value}}}}.
type teamProviderInfo map[string]struct {
	AWSCloudFormation map[string]any                       `json:"awscloudformation"`
	Categories        map[string]map[string]map[string]any `json:"categories"`
}

func readTeamProviderInfo(root string) (teamProviderInfo, error) {
	if root == "" {
		return nil, nil
	}
	p := filepath.Join(root, filepath.FromSlash(teamProvider))
	data, err := readFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	var t teamProviderInfo
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return t, nil
}

// envs lists the environments of team-provider-info.json, sorted.
func (t teamProviderInfo) envs() []string {
	out := make([]string, 0, len(t))
	for k := range t {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// values returns category.resource's settings for env (nil when absent).
func (t teamProviderInfo) values(env, category, resource string) map[string]any {
	e, ok := t[env]
	if !ok {
		return nil
	}
	return e.Categories[category][resource]
}

// stackID is the root stack id of env, the key of deployment secrets.
func (t teamProviderInfo) stackID(env string) string {
	if e, ok := t[env]; ok {
		if s, ok := e.AWSCloudFormation["StackId"].(string); ok {
			return s
		}
	}
	return ""
}

// provider returns a string of env's awscloudformation section
// (StackName, AuthRoleArn, Region, ...), "" when absent.
func (t teamProviderInfo) provider(env, key string) string {
	if e, ok := t[env]; ok {
		if s, ok := e.AWSCloudFormation[key].(string); ok {
			return s
		}
	}
	return ""
}

// account is env's AWS account id, from the ARNs Amplify keeps for it:
// the auth role first, then the guest role and the root stack.
func (t teamProviderInfo) account(env string) string {
	for _, k := range []string{"AuthRoleArn", "UnauthRoleArn", "StackId"} {
		// arn:aws:iam::123456789012:role/... ; arn:aws:cloudformation:region:123456789012:stack/...
		parts := strings.SplitN(t.provider(env, k), ":", 6)
		if len(parts) == 6 && len(parts[4]) == 12 {
			return parts[4]
		}
	}
	return ""
}

// partition is env's ARN partition (aws, aws-cn, aws-us-gov).
func (t teamProviderInfo) partition(env string) string {
	for _, k := range []string{"AuthRoleArn", "UnauthRoleArn", "StackId"} {
		if parts := strings.SplitN(t.provider(env, k), ":", 3); len(parts) == 3 && parts[0] == "arn" && parts[1] != "" {
			return parts[1]
		}
	}
	return "aws"
}

// featureFlags is amplify/cli.json's features: section → flag → value,
// names lower-cased as FeatureFlags.getValue compares them.
type featureFlags map[string]map[string]any

func readFeatureFlags(root string) (featureFlags, error) {
	var raw struct {
		Features map[string]map[string]any `json:"features"`
	}
	if ok, err := readProjectJSON(root, cliJSON, &raw); !ok {
		return nil, err
	}
	out := featureFlags{}
	for sec, flags := range raw.Features {
		m := map[string]any{}
		for k, v := range flags {
			m[strings.ToLower(k)] = v
		}
		out[strings.ToLower(sec)] = m
	}
	return out, nil
}

// auth reads a boolean auth flag; an unset flag is false, the default of
// the auth flags for existing projects.
func (f featureFlags) auth(name string) bool {
	b, _ := f["auth"][name].(bool)
	return b
}

// deploymentSecrets is ~/.aws/amplify/deployment-secrets.json.
type deploymentSecrets struct {
	AppSecrets []struct {
		RootStackID  string                                          `json:"rootStackId"`
		Environments map[string]map[string]map[string]map[string]any `json:"environments"`
	} `json:"appSecrets"`
}

// providerCreds finds hostedUIProviderCreds for resource in env. It
// returns the raw value (a JSON string or list) or nil.
func readProviderCredsFromSecrets(path, stackID, env, resource string) (json.RawMessage, error) {
	if path == "" || env == "" {
		return nil, nil
	}
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var ds deploymentSecrets
	if err := json.Unmarshal(data, &ds); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, app := range ds.AppSecrets {
		if stackID != "" && app.RootStackID != stackID {
			continue
		}
		v, ok := app.Environments[env]["auth"][resource]["hostedUIProviderCreds"]
		if !ok {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	return nil, nil
}
