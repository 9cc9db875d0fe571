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
func LoadConfig(ctx context.Context, path string) (*config.Document, []config.Problem, error) {
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
	return doc, warns, nil
}

// ResolveReferences replaces the ${env:NAME} references that stand for
// values which are not secrets (config.ValueRefs: identity providers'
// client ids, Apple's team and key ids, the SMS role's ARN) with the
// variables' values, so that plan compares and apply sends the real ones.
// Unlike secrets, these values may be shown.
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
	for _, r := range config.ValueRefs(c) {
		if err := resolve(r.Path, r.Value); err != nil {
			return err
		}
	}
	return nil
}
