/**
 * One shared-runtime page (taskpane.html) hosts the custom functions, the ribbon commands and the
 * task pane. The React pane is a lazily loaded chunk so PLAN.* functions register without it.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");
const { localize } = require("./scripts/functions-locale.cjs");

const { rewriteManifest } = require("./scripts/manifest-url.cjs");
// Where the production build is hosted; the manifest's URLs (and AppDomains) are rewritten to it.
const PROD_URL = process.env.PLAN_MONITOR_URL || "";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Emits functions.zh-CN.json next to functions.json, from the same JSDoc. */
class LocalizedFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsMetadata", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin reported its own error
          try {
            const zh = localize(JSON.parse(asset.source.source().toString()), path.resolve(FUNCTIONS_SOURCE));
            compilation.emitAsset("functions.zh-CN.json", new sources.RawSource(JSON.stringify(zh, null, 2)));
          } catch (error) {
            compilation.errors.push(new compiler.webpack.WebpackError(error.message));
          }
        },
      );
    });
  }
}

/**
 * The Office dev certificate for https://localhost:3000. Where its CA cannot be trusted (Linux
 * without sudo) the certificate still exists: serve with it and say how to trust it by hand.
 */
async function httpsOptions() {
  const fs = require("fs");
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    if (!fs.existsSync(defaults.localhostCertificatePath)) throw error;
    console.warn(
      `\n[plan-monitor] The development CA could not be trusted automatically (${String(error.message).split("\n")[0].trim()}).\n` +
        `[plan-monitor] Serving with ${defaults.localhostCertificatePath}; to avoid certificate warnings, trust ${defaults.caCertificatePath} in your browser.\n`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

/**
 * Makes the offline page one file: the entry's script goes inside the HTML (escaped where it could
 * end the script element), and every chunk loaded later (the workbook library) goes in as inert text
 * (type="text/plain") that the page runs on first use: the browser does not parse it before the page
 * is interactive. Nothing is emitted on its own.
 */
class InlineScriptPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InlineScript", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("InlineScript", (data) => {
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          if (tag.tagName !== "script" || !tag.attributes.src) continue;
          const asset = compilation.getAsset(tag.attributes.src);
          if (!asset) continue;
          tag.innerHTML = asset.source.source().toString().replace(/<\/(script)/gi, "<\\/$1");
          delete tag.attributes.src;
          delete tag.attributes.defer;
          compilation.deleteAsset(asset.name);
        }
        for (const asset of compilation.getAssets().filter((a) => a.name.endsWith(".js"))) {
          data.bodyTags.unshift({
            tagName: "script",
            voidTag: false,
            meta: { plugin: "InlineScript" },
            attributes: { type: "text/plain", "data-deferred-chunk": asset.name },
            innerHTML: asset.source.source().toString().replace(/<\/(script)/gi, "<\\/$1"),
          });
          compilation.deleteAsset(asset.name);
        }
        return data;
      });
    });
  }
}

/**
 * The offline page (dist/plan-monitor.html): the engine and the pane's sections on an in-memory
 * workbook, one self-contained file for browsers as old as Chromium 80 (ES2019 syntax; a test
 * parses it so): what is needed only once a workbook is open sits in it as inert text (see
 * InlineScriptPlugin); no source map, no request to anywhere.
 */
function offlineConfig() {
  return {
    name: "offline",
    dependencies: ["addin"],
    devtool: false,
    target: ["web", "es2019"],
    entry: { offline: "./src/offline/main.tsx" },
    // No automatic public path (it reads the script's own URL, which an inline script has not): chunks are never fetched.
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", publicPath: "", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "es2019" } } },
        },
        {
          // Libraries ship newer syntax (optional chaining, class fields): brought down to ES2019 too.
          test: /\.m?js$/,
          include: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "es2019", allowJs: true, module: "esnext", sourceMap: false } } },
        },
      ],
    },
    optimization: {
      // The entry and one chunk per dynamic import (the workbook library, the pane's sections), nothing split off besides.
      splitChunks: false,
      runtimeChunk: false,
      // Licence notices stay inside the one file (not in a .LICENSE.txt beside it); ES2019 output.
      minimizer: [
        new (require("minimizer-webpack-plugin"))({
          test: /\.js$/,
          minify: require("minimizer-webpack-plugin").terserMinify,
          minimizerOptions: { ecma: 2019, compress: { passes: 2 }, format: { comments: /@license|@preserve|^!/ } },
          extractComments: false,
        }),
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "plan-monitor.html", template: "./src/offline/page.html", chunks: ["offline"], inject: "body", scriptLoading: "blocking" }),
      new InlineScriptPlugin(),
    ],
  };
}

module.exports = async (env, options) => [await addinConfig(env, options), offlineConfig()];

async function addinConfig(env, options) {
  const dev = options.mode === "development";
  return {
    name: "addin",
    devtool: "source-map",
    entry: { runtime: "./src/runtime/main.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { maxEntrypointSize: 300 * 1024, maxAssetSize: 1024 * 1024 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/runtime/taskpane.html",
        chunks: ["runtime"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), PROD_URL)),
          },
          { from: "assets/help.html", to: "help.html" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD ? {} : await httpsOptions() },
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: false },
      watchFiles: [],
    },
  };
}
