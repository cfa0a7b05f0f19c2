// Command ferretdb-embedded runs FerretDB v1 (SQLite backend) on loopback for Breach Clock.
//
// It prints one JSON line {"uri": "..."} on stdout once the listener accepts
// connections, and exits when its standard input closes, so that the database
// never outlives the Node process that started it, even when that process is
// killed with SIGKILL.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (loopback only)")
	dataDir := flag.String("data-dir", "./data", "directory for the SQLite files")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when standard input closes")
	flag.Parse()

	if err := run(*listen, *dataDir, *logLevel, *watchStdin); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-embedded: %s\n", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string, watchStdin bool) error {
	// Reading documents allocates heavily and the live heap is small, so the default GOGC=100 collected
	// every few pages: at 400, a page of 51 incidents costs half the CPU (14.5 -> 7.5 ms). The soft limit
	// makes the collector work harder before the heap reaches it. Both yield to GOGC and GOMEMLIMIT.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}

	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}

	// Telemetry is also disabled by the embedded package itself; the variable
	// covers any code path that still reads it.
	os.Setenv("FERRETDB_TELEMETRY", "disable")
	os.Setenv("DO_NOT_TRACK", "1")

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad --log-level %q", logLevel)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// Profiling for benchmarks: FERRETDB_PPROF_ADDR=127.0.0.1:6060 serves Go's /debug/pprof there.
	if addr := os.Getenv("FERRETDB_PPROF_ADDR"); addr != "" {
		host, _, err := net.SplitHostPort(addr)
		if err != nil || !net.ParseIP(host).IsLoopback() {
			return fmt.Errorf("FERRETDB_PPROF_ADDR must be a loopback address, not %q", addr)
		}
		go func() { _ = http.ListenAndServe(addr, nil) }()
	}

	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return fmt.Errorf("cannot create data directory: %w", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		// WAL with synchronous=NORMAL syncs the log at checkpoints, not at every commit: a crash of this
		// process loses nothing, a power cut may lose the last commits, as MongoDB's default journal
		// interval (100 ms) may. With FULL, every write waited for a disk flush.
		SQLiteURL: "file:" + filepath.ToSlash(abs) + "/?_pragma=synchronous(NORMAL)",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the listener is bound; a bind failure makes Run
	// return first, so both are raced against a deadline.
	ready := make(chan string, 1)
	go func() { ready <- f.MongoDBURI() }()

	select {
	case uri := <-ready:
		line, _ := json.Marshal(map[string]string{"uri": uri})
		fmt.Println(string(line))
	case err := <-done:
		if err == nil {
			err = fmt.Errorf("listener on %s stopped before it was ready", listen)
		}
		return err
	case <-time.After(30 * time.Second):
		return fmt.Errorf("listener on %s not ready after 30s", listen)
	}

	return <-done
}
