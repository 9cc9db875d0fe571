package apply

import (
	"context"
	"fmt"

	"github.com/cogwiz/cogwiz/internal/config"
)

// LoadConfig loads the file and runs every offline rule on it, before any
// call to Cognito. Errors come back as a *config.LoadError (every problem,
// each with file:line:col and a fix); warnings are returned for the
// caller to show.
func LoadConfig(ctx context.Context, path string) (*config.Config, []config.Problem, error) {
	doc, err := config.LoadContext(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	var errs, warns []config.Problem
	for _, p := range config.ValidateDocument(doc) {
		if p.Severity == config.SeverityWarning {
			warns = append(warns, p)
		} else {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		return nil, warns, &config.LoadError{Problems: errs}
	}
	return doc.Config, warns, nil
}

// ResolveReferences replaces the ${env:NAME} references that stand for
// values which are not secrets — identity_providers[].client_id (and
// Apple's team_id and key_id) and user_pool.sms.sns_caller_arn, as
// cogwiz import amplify writes them for
// what Amplify keeps outside the project — with the variables' values, so
// that plan compares and apply sends the real ones. Unlike secrets, these
// values may be shown.
func ResolveReferences(c *config.Config, lookupEnv func(string) (string, bool)) error {
	resolve := func(path string, v *string) error {
		name, ok := config.SecretRefName(*v)
		if !ok {
			return nil
		}
		var val string
		if lookupEnv != nil {
			val, _ = lookupEnv(name)
		}
		if val == "" {
			return fmt.Errorf("%s: environment variable %s is not set: export it, or write the value into the file", path, name)
		}
		*v = val
		return nil
	}
	for i := range c.IdentityProviders {
		p := &c.IdentityProviders[i]
		base := "identity_providers[" + p.ProviderName() + "]."
		for _, f := range []struct {
			key string
			val *string
		}{{"client_id", &p.ClientID}, {"team_id", &p.TeamID}, {"key_id", &p.KeyID}} {
			if err := resolve(base+f.key, f.val); err != nil {
				return err
			}
		}
	}
	if s := c.UserPool.SMS; s != nil {
		return resolve("user_pool.sms.sns_caller_arn", &s.SNSCallerARN)
	}
	return nil
}
