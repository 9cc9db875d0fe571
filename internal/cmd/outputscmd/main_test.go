package outputscmd_test

import (
	"os"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
)

// The tests must not read the developer's ~/.aws (profiles, credentials,
// Amplify's deployment secrets) or AWS_* settings.
func TestMain(m *testing.M) { os.Exit(cmdtest.IsolateHome(m)) }
