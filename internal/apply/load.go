package apply

import (
	"github.com/cogwiz/cogwiz/internal/config"
)

// LoadConfig loads the file and runs every offline rule on it, before any
// call to Cognito. Errors come back as a *config.LoadError (every problem,
// each with file:line:col and a fix); warnings are returned for the
// caller to show.
func LoadConfig(path string) (*config.Document, []config.Problem, error) {
	doc, err := config.Load(path)
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
