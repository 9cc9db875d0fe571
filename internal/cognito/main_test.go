package cognito

import (
	"os"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
)

// No test here may read the developer's ~/.aws or AWS_* settings.
func TestMain(m *testing.M) { os.Exit(cmdtest.IsolateHome(m)) }
