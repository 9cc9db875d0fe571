package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// NeedConfigFile refuses a configuration file that does not exist, with
// the fix, for the commands that look at the file before loading it
// (loading says "reading FILE: file not found" itself).
func NeedConfigFile(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return WithHint(fmt.Errorf("%s: file not found", path),
			"run `cogwiz init` to create it, or pass -f FILE")
	}
	return nil
}
