package root

import (
	"os"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
)

// asCLI set in the environment makes the test binary run as cogwiz itself
// (main calls Main and nothing else), so tests can send it real signals
// and give it real files, FIFOs and devices without a separate go build.
const asCLI = "COGWIZ_ROOT_TEST_AS_CLI"

// The tests must not read the developer's ~/.aws (profiles, credentials,
// Amplify's deployment secrets) or AWS_* settings.
func TestMain(m *testing.M) {
	if os.Getenv(asCLI) == "1" {
		os.Exit(Main("test", os.Args[1:]))
	}
	os.Exit(cmdtest.IsolateHome(m))
}
