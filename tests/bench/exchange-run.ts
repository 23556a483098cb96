import { benchExchange } from './exchange';
await benchExchange({ records: Number(process.env.N ?? 100000), evidenceMb: Number(process.env.MB ?? 200) });
