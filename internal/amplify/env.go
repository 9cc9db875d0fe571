package amplify

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Amplify keeps per-environment values (trigger settings, identity-pool
// app ids, imported pool ids, the root stack that names the SNS role) in
// team-provider-info.json, one section per environment
// (amplify-provider-awscloudformation writes it; amplify-category-auth
// lists the auth keys as ENV_SPECIFIC_PARAMS in
// src/provider-utils/awscloudformation/constants.ts). Without --env the
// import takes a value every environment agrees on, and reports the ones
// that differ.

// scope lists the environments whose values count: the one chosen, or
// every environment of team-provider-info.json.
func (im *importer) scope() []string {
	if im.env != "" {
		return []string{im.env}
	}
	return im.tpi.envs()
}

// perEnv is one value per environment, for the report when they differ.
type perEnv map[string]string

func (p perEnv) String() string {
	var parts []string
	for _, env := range slices.Sorted(maps.Keys(p)) {
		parts = append(parts, env+": "+p[env])
	}
	return strings.Join(parts, ", ")
}

// agreed reads get for every environment in scope. When the environments
// that have a value all have the same one, it is returned; when they
// differ, value is "" and differs holds each environment's value.
func (im *importer) agreed(get func(env string) string) (value string, differs perEnv) {
	vals := perEnv{}
	for _, env := range im.scope() {
		if v := get(env); v != "" {
			vals[env] = v
		}
	}
	for _, v := range vals {
		if value == "" {
			value = v
		} else if v != value {
			return "", vals
		}
	}
	return value, nil
}

// differ reports a setting whose value differs between environments.
func (im *importer) differ(field, key string, vals perEnv) {
	im.r.drop(field, fmt.Sprintf("its value differs between environments (%s) and no --env was given", vals),
		fmt.Sprintf("pass --env NAME to take that environment's value, or set %s by hand", key))
}

// checkEnv refuses an --env that team-provider-info.json does not have.
func (im *importer) checkEnv() error {
	if im.opts.Env == "" || len(im.tpi) == 0 {
		return nil
	}
	if _, ok := im.tpi[im.opts.Env]; !ok {
		return fmt.Errorf("--env %s: team-provider-info.json has no such environment; it has %s", im.opts.Env, strings.Join(im.tpi.envs(), ", "))
	}
	return nil
}
