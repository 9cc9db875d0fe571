package amplify

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Files Amplify Gen 1 keeps its auth resource in.
const (
	inputsFile     = "cli-inputs.json"
	legacyParams   = "parameters.json" // projects from before cli-inputs.json
	authDir        = "amplify/backend/auth"
	groupsDir      = "userPoolGroups"
	precedenceFile = "user-pool-group-precedence.json"
	teamProvider   = "amplify/team-provider-info.json"
)

// Resource is one auth resource of an Amplify project.
type Resource struct {
	// Name is the resource's friendly name (its folder name).
	Name string
	// File is its cli-inputs.json (or parameters.json in old projects).
	File string
	// Root is the project root, "" when only the file was given.
	Root string
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
	if !st.IsDir() {
		return []Resource{resourceForFile(path)}, nil
	}
	for _, name := range []string{inputsFile, legacyParams} {
		if f := filepath.Join(path, name); fileExists(f) {
			return []Resource{resourceForFile(f)}, nil
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
	return out, nil
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
	data, err := os.ReadFile(p)
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
	data, err := os.ReadFile(p)
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
	data, err := os.ReadFile(path)
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
