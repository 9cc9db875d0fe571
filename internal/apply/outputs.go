package apply

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
)

// LambdaPermissionCommands returns, per trigger, the AWS CLI command that
// lets Cognito invoke the function. cogwiz never calls Lambda itself: the
// function and its policy belong to whoever deploys it.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
func LambdaPermissionCommands(t *config.Triggers, poolARN string) []string {
	if t == nil {
		return nil
	}
	_, account := awsclient.ARNRegionAccount(poolARN)
	seen := map[string]bool{}
	var arns []string
	for _, a := range []string{t.PreSignUp, t.CustomMessage, t.PostConfirmation, t.PreAuthentication, t.PostAuthentication,
		t.DefineAuthChallenge, t.CreateAuthChallenge, t.VerifyAuthChallengeResponse, t.PreTokenGeneration,
		t.UserMigration, t.CustomSMSSender, t.CustomEmailSender} {
		if a != "" && !seen[a] {
			seen[a] = true
			arns = append(arns, a)
		}
	}
	sort.Strings(arns)
	// One statement per pool, so two pools can share a function.
	stmt := "cognito-" + poolARN[strings.LastIndex(poolARN, "/")+1:]
	var out []string
	for _, a := range arns {
		out = append(out, fmt.Sprintf("aws lambda add-permission --function-name %s --statement-id %s --action lambda:InvokeFunction --principal cognito-idp.amazonaws.com --source-arn %s --source-account %s",
			a, stmt, poolARN, account))
	}
	return out
}

// SecretRefs lists every ${env:NAME} the file refers to, by config path.
func SecretRefs(c *config.Config) map[string]string {
	// The generated functions' secrets (the reCAPTCHA key) too.
	refs := functions.SecretRefs(c)
	for _, p := range c.IdentityProviders {
		base := "identity_providers[" + p.ProviderName() + "]"
		if p.ClientSecret != "" {
			refs[base+".client_secret"] = p.ClientSecret
		}
		if p.PrivateKey != "" {
			refs[base+".private_key"] = p.PrivateKey
		}
	}
	return refs
}

// ResolveSecrets reads every secret the file refers to, before any call to
// Cognito, so that a missing variable stops apply with nothing changed.
// ask, when not nil, is offered a missing variable (a hidden prompt on a
// terminal). The returned Secrets never hands out a value not listed here.
func ResolveSecrets(c *config.Config, lookupEnv func(string) (string, bool), ask func(name string) (string, error)) (cognito.Secrets, error) {
	values := map[string]string{}
	paths := make([]string, 0)
	refs := SecretRefs(c)
	for p := range refs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		ref := refs[path]
		name, ok := config.SecretRefName(ref)
		if !ok {
			return nil, fmt.Errorf("%s: secrets are not stored in the file: write a reference like %s and set that environment variable", path, config.SecretRef("NAME"))
		}
		if _, done := values[ref]; done {
			continue
		}
		v, ok := lookupEnv(name)
		if (!ok || v == "") && ask != nil {
			var err error
			if v, err = ask(name); err != nil {
				return nil, err
			}
			ok = v != ""
		}
		if !ok || v == "" {
			return nil, fmt.Errorf("%s: environment variable %s is not set: export it before running apply", path, name)
		}
		values[ref] = v
	}
	return func(ref string) (string, error) {
		v, ok := values[ref]
		if !ok {
			return "", fmt.Errorf("%s was not resolved", ref)
		}
		return v, nil
	}, nil
}
