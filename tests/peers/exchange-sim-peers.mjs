// SPDX-License-Identifier: MIT
// Independent Binance clients against candlewick-exchange-sim: the `binance` package's
// MainClient and ccxt's binance (REST and, through ccxt.pro, the market streams), with only
// the base URL changed. Starts nothing itself: the simulator's port, API key and secret come
// from CW_EXCHANGE_SIM_PORT, CW_EXCHANGE_SIM_KEY and CW_EXCHANGE_SIM_SECRET. Any exception or
// unexpected value fails the run (exit 1).
import binancePackage from 'binance';
import ccxt from 'ccxt';

const { MainClient } = binancePackage;
const port = process.env.CW_EXCHANGE_SIM_PORT;
const apiKey = process.env.CW_EXCHANGE_SIM_KEY;
const secret = process.env.CW_EXCHANGE_SIM_SECRET;
if (!port || !apiKey || !secret) {
    console.error('set CW_EXCHANGE_SIM_PORT, CW_EXCHANGE_SIM_KEY and CW_EXCHANGE_SIM_SECRET');
    process.exit(2);
}
const rest = `http://127.0.0.1:${port}`;
const streams = `ws://127.0.0.1:${port}/ws`;

let checks = 0;
function check(condition, what, value) {
    checks += 1;
    if (!condition) {
        throw new Error(`check failed: ${what}` + (value === undefined ? '' : `: ${JSON.stringify(value)}`));
    }
}

async function step(name, fn) {
    const started = Date.now();
    try {
        await fn();
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
        console.log(`FAIL ${name}: ${error && error.stack ? error.stack : JSON.stringify(error)}`);
        throw error;
    }
}

async function withBinancePackage() {
    const client = new MainClient({ api_key: apiKey, api_secret: secret, baseUrl: rest });
    let bid;
    await step('binance getExchangeInfo', async () => {
        const info = await client.getExchangeInfo();
        const symbols = info.symbols.map((s) => s.symbol);
        check(symbols.includes('BTCUSDT') && symbols.includes('ETHUSDT'), 'symbols listed', symbols);
        const btc = info.symbols.find((s) => s.symbol === 'BTCUSDT');
        const tick = btc.filters.find((f) => f.filterType === 'PRICE_FILTER').tickSize;
        check(Number(tick) === 0.01, 'BTCUSDT tick size', tick);
    });
    await step('binance getOrderBook', async () => {
        const book = await client.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
        check(book.bids.length === 5 && book.asks.length === 5, '5 levels a side', book);
        check(Number(book.bids[0][0]) < Number(book.asks[0][0]), 'bid below ask', book);
        check(book.lastUpdateId > 0, 'lastUpdateId', book.lastUpdateId);
        bid = Number(book.bids[0][0]);
    });
    await step('binance getKlines', async () => {
        const klines = await client.getKlines({ symbol: 'BTCUSDT', interval: '1m', limit: 10 });
        check(klines.length === 10, '10 klines', klines.length);
        for (let i = 1; i < klines.length; i++) {
            check(klines[i][0] - klines[i - 1][0] === 60000, 'consecutive minutes', [klines[i - 1][0], klines[i][0]]);
        }
        check(Number(klines[0][2]) >= Number(klines[0][3]), 'high >= low', klines[0]);
    });
    let orderId;
    let clientOrderId;
    await step('binance submitNewOrder (resting LIMIT)', async () => {
        const price = (Math.floor(bid * 0.9 * 100) / 100).toFixed(2);
        const order = await client.submitNewOrder({
            symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 0.001, price,
        });
        check(order.status === 'NEW', 'status NEW', order);
        check(typeof order.orderId === 'number', 'numeric orderId', order);
        orderId = order.orderId;
        clientOrderId = order.clientOrderId;
    });
    await step('binance getOrder', async () => {
        const order = await client.getOrder({ symbol: 'BTCUSDT', orderId });
        check(order.clientOrderId === clientOrderId && order.status === 'NEW', 'same order, still NEW', order);
    });
    await step('binance cancelOrder', async () => {
        const canceled = await client.cancelOrder({ symbol: 'BTCUSDT', orderId });
        check(canceled.status === 'CANCELED', 'status CANCELED', canceled);
    });
    await step('binance submitNewOrder (MARKET)', async () => {
        const order = await client.submitNewOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.002 });
        check(order.status === 'FILLED', 'market order FILLED', order);
        check(Number(order.executedQty) === 0.002, 'executedQty', order.executedQty);
        check(order.fills.length >= 1, 'fills listed', order);
    });
    await step('binance getAccountInformation', async () => {
        const account = await client.getAccountInformation();
        const btc = account.balances.find((b) => b.asset === 'BTC');
        check(btc && Number(btc.free) === 1.002, 'BTC balance after buying 0.002', btc);
        const usdt = account.balances.find((b) => b.asset === 'USDT');
        check(usdt && Number(usdt.free) < 100000, 'USDT spent', usdt);
    });
    await step('binance getAccountTradeList', async () => {
        const trades = await client.getAccountTradeList({ symbol: 'BTCUSDT' });
        check(trades.length >= 1, 'at least one trade', trades);
        check(trades.every((t) => t.isBuyer === true), 'all buys', trades);
    });
}

function pointAt(exchange) {
    // Every REST root (spot, and the others, so that nothing ever leaves this machine) now
    // points at the simulator; only /api/v3 is served there.
    for (const [name, url] of Object.entries(exchange.urls.api)) {
        if (typeof url === 'string') {
            exchange.urls.api[name] = url.replace(/^https?:\/\/[^/]+/, rest);
        }
    }
    if (exchange.urls.api.ws !== undefined) { // ccxt.pro only
        exchange.urls.api.ws.spot = streams;
        exchange.urls.api.ws.margin = streams;
    }
}

function ccxtOptions() {
    return {
        apiKey,
        secret,
        enableRateLimit: false,
        options: {
            fetchMarkets: { types: ['spot'] },
            fetchCurrencies: false,
            fetchMargins: false,
            adjustForTimeDifference: false,
        },
    };
}

async function withCcxt() {
    const exchange = new ccxt.binance(ccxtOptions());
    pointAt(exchange);
    await step('ccxt loadMarkets', async () => {
        const markets = await exchange.loadMarkets();
        check('BTC/USDT' in markets && 'ETH/BTC' in markets, 'spot markets loaded', Object.keys(markets));
        check(exchange.markets['BTC/USDT'].precision.price === 0.01, 'price precision from PRICE_FILTER',
            exchange.markets['BTC/USDT'].precision);
        check(exchange.markets['ETH/USDT'].limits.cost.min === 5, 'min notional from NOTIONAL',
            exchange.markets['ETH/USDT'].limits);
    });
    await step('ccxt fetchOHLCV', async () => {
        const candles = await exchange.fetchOHLCV('ETH/USDT', '5m', undefined, 12);
        check(candles.length === 12, '12 candles', candles.length);
        for (const [time, open, high, low, close, volume] of candles) {
            check(time % 300000 === 0, 'aligned to 5 minutes', time);
            check(high >= Math.max(open, close) && low <= Math.min(open, close), 'OHLC consistent', [open, high, low, close]);
            check(volume >= 0, 'volume', volume);
        }
        const since = candles[0][0];
        const page = await exchange.fetchOHLCV('ETH/USDT', '5m', since, 3);
        check(page.length === 3 && page[0][0] === since, 'paging from since', page.map((c) => c[0]));
    });
    let bid;
    await step('ccxt fetchOrderBook', async () => {
        const book = await exchange.fetchOrderBook('ETH/USDT', 10);
        check(book.bids.length === 10 && book.asks.length === 10, '10 levels a side', book);
        check(book.bids[0][0] < book.asks[0][0], 'bid below ask', [book.bids[0], book.asks[0]]);
        check(typeof book.nonce === 'number', 'nonce from lastUpdateId', book.nonce);
        bid = book.bids[0][0];
    });
    let resting;
    await step('ccxt createOrder (resting limit)', async () => {
        resting = await exchange.createOrder('ETH/USDT', 'limit', 'buy', 0.05, Math.floor(bid * 0.9));
        check(resting.status === 'open', 'open', resting);
        check(resting.clientOrderId && resting.clientOrderId.startsWith('x-'), 'ccxt broker client order id accepted', resting.clientOrderId);
    });
    await step('ccxt fetchOrder', async () => {
        const order = await exchange.fetchOrder(resting.id, 'ETH/USDT');
        check(order.id === resting.id && order.status === 'open' && order.amount === 0.05, 'same open order', order);
    });
    await step('ccxt cancelOrder', async () => {
        const canceled = await exchange.cancelOrder(resting.id, 'ETH/USDT');
        check(canceled.status === 'canceled', 'canceled', canceled);
    });
    await step('ccxt createOrder (market)', async () => {
        const order = await exchange.createOrder('ETH/USDT', 'market', 'buy', 0.1);
        check(order.status === 'closed' && order.filled === 0.1, 'filled market order', order);
        check(order.trades.length >= 1 && order.fee !== undefined, 'fills and fee parsed', order);
    });
    await step('ccxt fetchBalance', async () => {
        const balance = await exchange.fetchBalance();
        check(balance.ETH.free === 10.1, 'ETH after buying 0.1', balance.ETH);
        check(balance.USDT.free < 100000 && balance.USDT.total === balance.USDT.free + balance.USDT.used, 'USDT', balance.USDT);
        check(balance.BNB.total === 100, 'BNB untouched', balance.BNB);
    });
    await step('ccxt fetchMyTrades', async () => {
        const trades = await exchange.fetchMyTrades('ETH/USDT');
        check(trades.length >= 1, 'trades', trades.length);
        const amount = trades.reduce((sum, t) => sum + t.amount, 0);
        check(Math.abs(amount - 0.1) < 1e-12, 'trades add up to the market order', amount);
        check(trades.every((t) => t.side === 'buy' && t.symbol === 'ETH/USDT'), 'buy trades of ETH/USDT', trades);
    });
}

async function withCcxtPro() {
    const exchange = new ccxt.pro.binance(ccxtOptions());
    pointAt(exchange);
    try {
        // ccxt needs its plain-http agent loaded before it opens ws:// (not wss://) urls.
        await exchange.loadHttpProxyAgent();
        await exchange.loadMarkets();
        await step('ccxt.pro watchTrades', async () => {
            let seen = [];
            while (seen.length < 3) {
                const trades = await exchange.watchTrades('BTC/USDT');
                seen = seen.concat(trades);
            }
            for (let i = 1; i < seen.length; i++) {
                check(Number(seen[i].id) > Number(seen[i - 1].id), 'increasing trade ids', [seen[i - 1].id, seen[i].id]);
            }
            check(seen.every((t) => t.price > 0 && t.amount > 0), 'prices and amounts', seen[0]);
        });
        await step('ccxt.pro watchOHLCV', async () => {
            const candles = await exchange.watchOHLCV('BTC/USDT', '1m');
            check(candles.length >= 1, 'a candle', candles);
            const [time, open, high, low, close] = candles[candles.length - 1];
            check(time % 60000 === 0 && high >= low && open > 0 && close > 0, 'candle values', candles[candles.length - 1]);
        });
        await step('ccxt.pro watchOrderBook', async () => {
            // Several updates: each one is checked by ccxt against the previous update id.
            let book;
            for (let i = 0; i < 5; i++) {
                book = await exchange.watchOrderBook('BTC/USDT');
            }
            check(book.bids.length > 0 && book.asks.length > 0, 'both sides', book);
            check(book.bids[0][0] < book.asks[0][0], 'not crossed', [book.bids[0], book.asks[0]]);
            const rest = await exchange.fetchOrderBook('BTC/USDT', 5);
            check(Math.abs(rest.bids[0][0] - book.bids[0][0]) / rest.bids[0][0] < 0.01, 'streamed book near the REST book',
                [rest.bids[0], book.bids[0]]);
        });
    } finally {
        await exchange.close();
    }
}

const timer = setTimeout(() => {
    console.error('timed out');
    process.exit(1);
}, 150000);

try {
    await withBinancePackage();
    await withCcxt();
    await withCcxtPro();
    clearTimeout(timer);
    console.log(`all ${checks} checks passed`);
    process.exit(0);
} catch (error) {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
}
