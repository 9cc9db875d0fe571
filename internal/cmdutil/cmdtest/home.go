// Package cmdtest keeps tests away from the developer's own machine
// configuration.
package cmdtest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// IsolateHome points HOME and the AWS shared config and credentials files
// at an empty temporary directory, and clears every AWS_* variable, so
// that no test reads ~/.aws (profiles, credentials, Amplify's
// deployment-secrets.json) or talks to an account the developer happens to
// be signed in to. It also turns off the EC2 metadata lookups the SDK
// would otherwise try. Call it from TestMain, before m.Run: t.Setenv cannot
// be combined with t.Parallel.
//
// The opt-in acceptance suite (COGWIZ_ACCEPTANCE=1, see docs/acceptance.md)
// needs the real credentials, so it is left alone.
func IsolateHome(m *testing.M) int {
	if os.Getenv("COGWIZ_ACCEPTANCE") == "1" {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "cogwiz-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "cmdtest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "AWS_") {
			os.Unsetenv(name)
		}
	}
	for name, value := range map[string]string{
		"HOME":                        dir,
		"USERPROFILE":                 dir,
		"AWS_CONFIG_FILE":             dir + "/.aws/config",
		"AWS_SHARED_CREDENTIALS_FILE": dir + "/.aws/credentials",
		"AWS_EC2_METADATA_DISABLED":   "true",
	} {
		os.Setenv(name, value)
	}
	return m.Run()
}
