// Command cogwiz sets up AWS Cognito auth from the terminal.
package main

import (
	"os"

	"github.com/cogwiz/cogwiz/internal/cmd/root"
)

// version is stamped at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(root.Main(version, os.Args[1:]))
}
