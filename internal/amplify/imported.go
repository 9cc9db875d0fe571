package amplify

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// An imported auth resource (amplify import auth) is a pool Amplify did
// not create: it deploys nothing for it and keeps, per environment, only
// the ids it was given (team-provider-info.json: userPoolId, userPoolName,
// webClientId, nativeClientId, identityPoolId, identityPoolName, ...;
// createEnvSpecificResourceParameters in
// packages/amplify-category-auth/src/provider-utils/awscloudformation/import/index.ts).
// Its parameters.json holds serviceType "imported", the region and a
// snapshot of a few pool settings taken at import time. The import pins
// the pool and its clients by id and invents nothing: a file made from it
// can never create a pool, because plan and apply refuse a pinned pool
// that does not exist.

// EnvRequiredError is returned for an imported pool whose environments
// imported different pools when no environment was chosen: the file pins
// one pool, and the import does not guess which.
type EnvRequiredError struct {
	Resource string
	// Pools lists each environment's pool id.
	Pools string
}

func (e *EnvRequiredError) Error() string {
	return fmt.Sprintf("%s is an imported pool, and each environment imported its own (%s): choose one with --env NAME", e.Resource, e.Pools)
}

// importedIDs are the ids Amplify keeps for an imported pool in one environment.
type importedIDs struct {
	UserPoolID, UserPoolName, WebClientID, NativeClientID string
	IdentityPoolID, IdentityPoolName                      string
	AllowUnauth                                           *bool
	// Env is the environment they belong to; From names the file.
	Env, From string
}

func (im *importer) imported() error {
	in := im.in
	in.mark("serviceType")
	ids, err := im.importedIDs()
	if err != nil {
		return err
	}
	im.r.Env = ids.Env
	c := im.c
	up := &c.UserPool
	up.ID = ids.UserPoolID
	up.Name = ids.UserPoolName
	if up.Name == "" {
		up.Name = ids.UserPoolID
		im.r.note("%s has no userPoolName; user_pool.name is the pool's id until cogwiz import pool reads the real one", ids.From)
	}
	// Sign-in options and required attributes cannot change once a pool
	// exists, so the snapshot Amplify took still holds; writing them keeps
	// plan from seeing a change it would have to block.
	up.SignIn.UsernameAttributes = []string{}
	for _, a := range in.list("usernameAttributes") {
		if a != "username" {
			up.SignIn.UsernameAttributes = append(up.SignIn.UsernameAttributes, a)
		}
	}
	if alias := in.list("aliasAttributes"); len(alias) > 0 && len(up.SignIn.UsernameAttributes) == 0 {
		up.SignIn.AliasAttributes = alias
	}
	up.Attributes.Required = in.list("requiredAttributes")
	if up.Attributes.Required == nil {
		up.Attributes.Required = []string{}
	}
	for _, k := range []string{"passwordPolicyMinLength", "passwordPolicyCharacters", "mfaConfiguration", "mfaTypes", "autoVerifiedAttributes", "authProvidersUserPool", "triggers"} {
		if in.has(k) {
			in.mark(k)
			im.r.drop(k, "a snapshot of the live pool Amplify took when it imported it; the pool may have changed since, and writing it back could undo that",
				"read the live settings with cogwiz import pool "+ids.UserPoolID)
		}
	}
	if r := in.str("region"); r != "" {
		im.r.note("the pool lives in %s: run cogwiz import pool, plan and apply with --region %s", r, r)
	}

	// Both clients, pinned by id. Their names and settings are not in the
	// project: the name is the id until cogwiz import pool reads them.
	for _, id := range []string{ids.WebClientID, ids.NativeClientID} {
		// Amplify allows one client for both roles.
		if id != "" && !slices.ContainsFunc(c.AppClients, func(ac config.AppClient) bool { return ac.ID == id }) {
			c.AppClients = append(c.AppClients, config.AppClient{Name: id, ID: id})
		}
	}

	if c.Services == config.ServicesUserPoolIdentityPool {
		if ids.IdentityPoolName == "" {
			c.Services = config.ServicesUserPool
			im.r.drop("identityPoolId", fmt.Sprintf("the imported identity pool %s has no name in %s, and identity_pool needs one", orUnknown(ids.IdentityPoolID), ids.From),
				"set services: user_pool_and_identity_pool and identity_pool.name to the pool's name")
		} else {
			ip := &config.IdentityPool{Name: ids.IdentityPoolName}
			if ids.AllowUnauth != nil {
				ip.AllowUnauthenticated = *ids.AllowUnauth
			}
			for _, p := range identityPoolProviders {
				if s, ok := im.tpi.values(ids.Env, "auth", im.name)[p.idKey].(string); ok && s != "" {
					ip.Providers = append(ip.Providers, config.IdentityPoolProvider{Type: p.typ, AppID: s})
				}
			}
			c.IdentityPool = ip
			if ids.IdentityPoolID != "" {
				im.r.note("identity_pool is Amplify's imported identity pool %s (%s); cognito.yaml does not pin identity pools by id", ids.IdentityPoolName, ids.IdentityPoolID)
			}
		}
	}
	im.r.note("%s is a pool Amplify imported rather than created (serviceType imported): the file pins user_pool.id %s and app clients %s from %s, and holds none of the live settings; before cogwiz plan or apply, run cogwiz import pool %s -o %s --force to read them (applied as it is, this file would rename the clients to their ids and turn off what they have set)",
		im.name, ids.UserPoolID, strings.Join(clientIDs(c.AppClients), ", "), ids.From, ids.UserPoolID, config.DefaultFile)
	for _, k := range in.unseen() {
		in.mark(k)
		im.r.drop(k, "cogwiz does not know this Amplify setting", "check what it does and set the matching key of cognito.yaml by hand (cogwiz explain lists them)")
	}
	return nil
}

func clientIDs(list []config.AppClient) []string {
	var out []string
	for _, c := range list {
		out = append(out, c.ID)
	}
	return out
}

func orUnknown(s string) string {
	if s == "" {
		return "(id unknown)"
	}
	return s
}

// importedIDs reads the ids of the chosen environment (or the one every
// environment agrees on) from team-provider-info.json, else from the local
// amplify-meta.json the CLI keeps for the checked-out environment.
func (im *importer) importedIDs() (importedIDs, error) {
	get := func(env, key string) string {
		s, _ := im.tpi.values(env, "auth", im.name)[key].(string)
		return s
	}
	pool, differs := im.agreed(func(env string) string { return get(env, "userPoolId") })
	if differs != nil {
		return importedIDs{}, &EnvRequiredError{Resource: im.name, Pools: differs.String()}
	}
	if pool != "" {
		env := im.env
		if env == "" {
			// Every environment imported the same pool: read its ids from the first.
			for _, e := range im.scope() {
				if get(e, "userPoolId") == pool {
					env = e
					break
				}
			}
		}
		ids := importedIDs{
			UserPoolID: pool, UserPoolName: get(env, "userPoolName"),
			WebClientID: get(env, "webClientId"), NativeClientID: get(env, "nativeClientId"),
			IdentityPoolID: get(env, "identityPoolId"), IdentityPoolName: get(env, "identityPoolName"),
			Env: env, From: "team-provider-info.json (environment " + env + ")",
		}
		if b, ok := im.tpi.values(env, "auth", im.name)["allowUnauthenticatedIdentities"].(bool); ok {
			ids.AllowUnauth = &b
		}
		return ids, nil
	}
	ids, err := im.metaIDs()
	if err != nil {
		return importedIDs{}, err
	}
	if ids.UserPoolID == "" {
		return importedIDs{}, fmt.Errorf("%s is an imported pool, and neither team-provider-info.json nor amplify-meta.json holds its id: run cogwiz import pool POOL_ID to write cognito.yaml from the live pool", im.name)
	}
	return ids, nil
}

// metaIDs reads amplify/backend/amplify-meta.json, which the CLI keeps
// (outside version control) for the checked-out environment.
func (im *importer) metaIDs() (importedIDs, error) {
	var meta struct {
		Auth map[string]struct {
			Output struct {
				UserPoolID       string `json:"UserPoolId"`
				UserPoolName     string `json:"UserPoolName"`
				AppClientIDWeb   string `json:"AppClientIDWeb"`
				AppClientID      string `json:"AppClientID"`
				IdentityPoolID   string `json:"IdentityPoolId"`
				IdentityPoolName string `json:"IdentityPoolName"`
			} `json:"output"`
		} `json:"auth"`
	}
	if ok, err := readProjectJSON(im.res.Root, amplifyMeta, &meta); !ok {
		return importedIDs{}, err
	}
	o := meta.Auth[im.name].Output
	return importedIDs{
		UserPoolID: o.UserPoolID, UserPoolName: o.UserPoolName, WebClientID: o.AppClientIDWeb, NativeClientID: o.AppClientID,
		IdentityPoolID: o.IdentityPoolID, IdentityPoolName: o.IdentityPoolName, From: "amplify-meta.json",
	}, nil
}
