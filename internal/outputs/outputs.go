// Package outputs turns what Cognito holds, read back after apply or by
// `cogwiz outputs`, into the files an app reads: amplify_outputs.json for
// aws-amplify v6 and Amplify Gen 2 apps, aws-exports.js for aws-amplify v5
// apps, KEY=value lines for a .env file, and cogwiz's own JSON.
//
// Every function here is pure: the live state and the config model in,
// bytes out. Nothing secret is ever written: no client secret (Cognito's
// state as cogwiz reads it holds none), no identity provider secret (only
// the providers' names), and no value of an environment variable.
package outputs

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// Format is the shape of an outputs file.
type Format string

// The formats, by name as --outputs-format and --format take them.
const (
	// Amplify is amplify_outputs.json, schema version AmplifyVersion.
	Amplify Format = "amplify"
	// AWSExports is aws-exports.js as the Amplify CLI writes it for
	// aws-amplify v5 apps.
	AWSExports Format = "aws-exports"
	// Env is KEY=value lines for a .env file.
	Env Format = "env"
	// JSON is cogwiz's own shape: every id, ARN and URL, every client.
	JSON Format = "json"
)

// Formats lists every format, for help texts and completions.
var Formats = []string{string(Amplify), string(AWSExports), string(Env), string(JSON)}

// FormatFor picks the format from a file name: amplify_outputs.json is
// amplify, aws-exports.js is aws-exports, .env, NAME.env and .env.NAME
// are env, and anything else (stdout included) is json.
func FormatFor(path string) Format {
	base := filepath.Base(path)
	switch {
	case path == "-":
		return JSON
	case base == "amplify_outputs.json":
		return Amplify
	case base == "aws-exports.js":
		return AWSExports
	case base == ".env" || strings.HasSuffix(base, ".env") || strings.HasPrefix(base, ".env."):
		return Env
	}
	return JSON
}

// ParseFormat checks a format named on the command line.
func ParseFormat(s string) (Format, error) {
	if slices.Contains(Formats, s) {
		return Format(s), nil
	}
	return "", fmt.Errorf("unknown outputs format %q: use one of %s", s, strings.Join(Formats, ", "))
}

// NeedsClient reports whether the format names one app client: the
// front-end formats do, cogwiz's JSON lists them all.
func (f Format) NeedsClient() bool { return f != JSON }

// Input is what the outputs are made from.
type Input struct {
	// State is the user pool as Cognito holds it.
	State *cognito.State
	// Identity is the identity pool and its roles (nil without one).
	Identity *plan.IdentityState
	// Desired is the file: its identity pool's roles, for the json format.
	Desired *config.Config
	// Client is the app client the front-end formats name, as PickClient
	// chose it from the file.
	Client string
}

// Render writes in's outputs in format f. notes are things left out of
// the file, with why, for the person running the command.
func Render(f Format, in Input) (data []byte, notes []string, err error) {
	if f == JSON {
		b, err := marshal(NewSummary(in.State, in.Identity, in.Desired), "  ")
		return b, nil, err
	}
	fe, notes, err := frontEnd(in)
	if err != nil {
		return nil, nil, err
	}
	switch f {
	case Amplify:
		data, err = amplifyOutputs(fe)
	case AWSExports:
		data, err = awsExports(fe)
	case Env:
		data = envFile(fe)
	default:
		err = fmt.Errorf("unknown outputs format %q", f)
	}
	return data, notes, err
}
